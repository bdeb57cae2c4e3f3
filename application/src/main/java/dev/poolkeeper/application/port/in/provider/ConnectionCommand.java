package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.provider.Provider;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A new connection ({@code provider} and {@code name} required, all required credentials given), or the
 * changes to one (only what is present changes; a credential set to blank is removed).
 */
public record ConnectionCommand(Caller caller, Optional<Provider> provider, Optional<String> name,
                                Map<String, String> credentials, Optional<Optional<String>> baseUrl) {
    public ConnectionCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        credentials = Map.copyOf(credentials);
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
