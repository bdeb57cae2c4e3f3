package dev.poolkeeper.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored API key: its hash and a display prefix, never the key itself. */
public record ApiKey(ApiKeyId id, AccountId accountId, String prefix, String hash, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static ApiKey issue(AccountId accountId, ApiKeySecret secret, Instant now) {
        return new ApiKey(ApiKeyId.newId(now), accountId, secret.displayPrefix(), secret.hash(), now, null, null);
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
