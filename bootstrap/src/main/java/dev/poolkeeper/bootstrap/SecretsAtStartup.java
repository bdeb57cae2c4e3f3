package dev.poolkeeper.bootstrap;

import dev.poolkeeper.adapters.persistence.provider.ProviderConnectionPersistenceAdapter;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, provider credentials sealed under a key that is no longer the active one are sealed again
 * under the active key: rotating is adding a key, making it active, restarting, then removing the old one.
 */
@Singleton
final class SecretsAtStartup implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAtStartup.class);

    private final ProviderConnectionPersistenceAdapter connections;

    SecretsAtStartup(ProviderConnectionPersistenceAdapter connections) {
        this.connections = connections;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int moved = connections.reencrypt();
        if (moved > 0) {
            LOG.info("provider credentials of {} connections sealed again under the active key", moved);
        }
    }
}
