package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records sync requests (for assertions); leasing is the database adapter's and is not faked. */
public final class InMemorySyncRequests implements SyncRequestRepository {
    public final List<PoolId> requested = new ArrayList<>();

    @Override
    public synchronized void request(AccountId accountId, PoolId poolId, Instant at) {
        requested.add(poolId);
    }

    @Override
    public synchronized void requestAfterChange(AccountId accountId, PoolId poolId, Instant at) {
        requested.add(poolId);
    }

    @Override
    public Optional<Instant> askedAt(PoolId poolId) {
        return Optional.empty();
    }

    @Override
    public List<Leased> lease(String owner, int max, Instant now, Duration leaseFor) {
        throw new UnsupportedOperationException("leases are tested against the database");
    }

    @Override
    public boolean renew(Leased leased, String owner, Instant until) {
        throw new UnsupportedOperationException("leases are tested against the database");
    }

    @Override
    public void complete(Leased leased, String owner) {
        throw new UnsupportedOperationException("leases are tested against the database");
    }

    @Override
    public void retryLater(Leased leased, String owner, Instant retryAt) {
        throw new UnsupportedOperationException("leases are tested against the database");
    }

    @Override
    public int requestAll(Instant at) {
        throw new UnsupportedOperationException("leases are tested against the database");
    }
}
