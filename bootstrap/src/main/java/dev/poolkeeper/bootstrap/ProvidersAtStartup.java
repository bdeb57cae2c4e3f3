package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.provider.Provider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up, one line per provider: configured, or not and what to set. */
@Singleton
final class ProvidersAtStartup implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ProvidersAtStartup.class);
    private static final Map<Provider, String> SETTINGS = Map.of(
            Provider.VONAGE, "POOLKEEPER_PROVIDERS_VONAGE_API_KEY and _API_SECRET",
            Provider.TELNYX, "POOLKEEPER_PROVIDERS_TELNYX_API_KEY",
            Provider.PINPOINT, "POOLKEEPER_PROVIDERS_PINPOINT_REGION (and _ACCESS_KEY_ID, _SECRET_ACCESS_KEY,"
                    + " or the AWS default credentials)",
            Provider.SANDBOX, "POOLKEEPER_PROVIDERS_SANDBOX_ENABLED=true; on by default on the embedded database");

    private final List<SmsPort> senders;
    private final List<ProviderPoolPort> pools;

    ProvidersAtStartup(List<SmsPort> senders, List<ProviderPoolPort> pools) {
        this.senders = senders;
        this.pools = pools;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        for (Provider provider : Provider.values()) {
            LOG.info(line(provider, senders.stream().anyMatch(p -> p.provider() == provider && p.configured()),
                    pools.stream().anyMatch(p -> p.provider() == provider && p.configured())));
        }
    }

    static String line(Provider provider, boolean sends, boolean mirrors) {
        String name = provider.wireName();
        if (!provider.sends()) {
            return "provider " + name + ": through accounts' own connections only (it rents canary inboxes and"
                    + " cannot send)";
        }
        if (sends && mirrors) {
            return "provider " + name + ": configured (sending, pool mirroring)";
        }
        if (sends || mirrors) {
            return "provider " + name + ": configured for " + (sends ? "sending" : "pool mirroring") + " only";
        }
        return "provider " + name + ": not configured (its numbers can be pooled; sends through it end"
                + " provider.not_configured; set " + SETTINGS.get(provider) + ")";
    }
}
