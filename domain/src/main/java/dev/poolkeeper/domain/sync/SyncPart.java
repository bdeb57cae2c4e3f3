package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A pool's part at one provider, as the sync last left it. */
public record SyncPart(AccountId accountId, PoolId poolId, Provider provider, Optional<String> providerPoolId,
                       SyncState state, Optional<Instant> lastSyncedAt, Optional<String> lastError,
                       int pendingOperations) {
    public SyncPart {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerPoolId, "providerPoolId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSyncedAt, "lastSyncedAt");
        Objects.requireNonNull(lastError, "lastError");
    }

    public static SyncPart pending(AccountId accountId, PoolId poolId, Provider provider) {
        return new SyncPart(accountId, poolId, provider, Optional.empty(), SyncState.PENDING, Optional.empty(),
                Optional.empty(), 0);
    }

    public SyncPart with(Optional<String> providerPoolId, SyncState state, Optional<Instant> lastSyncedAt,
                         Optional<String> lastError, int pendingOperations) {
        return new SyncPart(accountId, poolId, provider, providerPoolId, state, lastSyncedAt, lastError,
                pendingOperations);
    }
}
