package dev.poolkeeper.domain.provider;

import dev.poolkeeper.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account's own credentials at one provider, under a name of its choosing. Calls for the account's
 * pools at that provider go through it; an account without one uses the instance's configured credentials.
 * When an account has several for one provider, the oldest serves its pools.
 */
public record ProviderConnection(ConnectionId id, AccountId accountId, Provider provider, String name,
                                 Credentials credentials, Optional<String> baseUrl, Instant createdAt,
                                 Instant updatedAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ProviderConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The same connection with other credentials, name or base URL, as of {@code at}. */
    public ProviderConnection changed(String newName, Credentials newCredentials, Optional<String> newBaseUrl,
                                      Instant at) {
        return new ProviderConnection(id, accountId, provider, newName, newCredentials, newBaseUrl, createdAt, at);
    }
}
