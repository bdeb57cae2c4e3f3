package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.account.DevelopmentAccess;
import dev.poolkeeper.application.port.in.account.EnsureDevelopmentAccountUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.Optional;

/**
 * On the embedded default run: makes sure the development account exists and prints its API key
 * to standard output (not to the log), the one place a key is ever shown outside an API response.
 */
@Singleton
@Requires(property = DevelopmentAccount.ENABLED, value = "true")
final class DevelopmentAccount implements ApplicationEventListener<ServerStartupEvent> {
    static final String ENABLED = "poolkeeper.development-account.enabled";

    private final EnsureDevelopmentAccountUseCase ensure;
    private final Optional<String> configuredKey;
    private final PrintStream out = System.out;

    DevelopmentAccount(EnsureDevelopmentAccountUseCase ensure, @Value("${poolkeeper.dev-api-key:}") String key) {
        this.ensure = ensure;
        this.configuredKey = key == null || key.isBlank() ? Optional.empty() : Optional.of(key);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        DevelopmentAccess access = ensure.ensureDevelopmentAccount(configuredKey);
        String url = event.getSource().getURL().toString();
        out.println();
        out.println("  Poolkeeper is running at " + url + " on the embedded database.");
        out.println("  Development account: " + access.accountId());
        out.println("  API key: " + access.secret().plaintext()
                + (configuredKey.isPresent() ? "   (from POOLKEEPER_DEV_API_KEY)" : "   (new at each start; fix it with POOLKEEPER_DEV_API_KEY)"));
        out.println("  Try: curl -H 'X-API-Key: " + access.secret().plaintext() + "' " + url + "/v1/pools");
        out.println("  API docs: " + url + "/docs");
        out.println();
        out.flush();
    }
}
