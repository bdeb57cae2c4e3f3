package dev.poolkeeper.application.port.out.sync;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox: a pool that needs a sync has a request row, written in the same transaction as the
 * change that needs it, so no change is lost between commit and provider call. A worker leases due
 * requests ({@code FOR UPDATE SKIP LOCKED}), so two instances never sync one pool at once, and a lease
 * that runs out (its instance died) frees the pool for another.
 */
public interface SyncRequestRepository {
    record Leased(AccountId accountId, PoolId poolId, Instant requestedAt) {
    }

    /** Asks for a sync of the pool (again): due now. */
    void request(AccountId accountId, PoolId poolId, Instant at);

    /**
     * Asks for a sync because the pool changed here: also marks its in-sync parts pending, so that the
     * plan the change causes is not taken for drift at the provider.
     */
    void requestAfterChange(AccountId accountId, PoolId poolId, Instant at);

    /** When the pool's outstanding sync request was last asked for; empty when none is outstanding. */
    Optional<Instant> askedAt(PoolId poolId);

    /** Leases up to {@code max} due requests not leased by anyone else, for {@code leaseFor}. */
    List<Leased> lease(String owner, int max, Instant now, Duration leaseFor);

    /** Extends the lease while a long sync runs; false when the lease is no longer this owner's. */
    boolean renew(Leased leased, String owner, Instant until);

    /** Done: removes the request unless it was asked for again after {@code leased} was taken. */
    void complete(Leased leased, String owner);

    /** Not done (a provider is down): gives the request back, due again at {@code retryAt}. */
    void retryLater(Leased leased, String owner, Instant retryAt);

    /** Requests a sync of every pool that has numbers or parts (the scheduled full reconcile). */
    int requestAll(Instant at);
}
