package dev.poolkeeper.bootstrap;

import dev.poolkeeper.adapters.providers.sandbox.SandboxNetwork;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the sandbox provider's callbacks at this instance's own server once it listens, and says loudly
 * when the sandbox is on outside the embedded development run: its sends reach no one.
 */
@Singleton
final class SandboxAtStartup implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxAtStartup.class);

    private final SandboxNetwork sandbox;
    private final boolean development;

    SandboxAtStartup(SandboxNetwork sandbox, @Value("${" + DevelopmentAccount.ENABLED + ":false}") boolean development) {
        this.sandbox = sandbox;
        this.development = development;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!sandbox.enabled()) {
            return;
        }
        try {
            sandbox.callbacksTo(event.getSource().getURL().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the server's URL is not a URI", e);
        }
        if (!development) {
            LOG.warn("*** THE SANDBOX PROVIDER IS ENABLED on an external database: messages sent through provider"
                    + " 'sandbox' reach no one. Unset POOLKEEPER_PROVIDERS_SANDBOX_ENABLED in production. ***");
        }
    }
}
