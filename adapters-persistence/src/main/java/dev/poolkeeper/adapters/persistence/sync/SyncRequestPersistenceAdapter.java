package dev.poolkeeper.adapters.persistence.sync;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox in MySQL: {@code FOR UPDATE SKIP LOCKED} lets instances lease requests without waiting on each other. */
@Singleton
final class SyncRequestPersistenceAdapter implements SyncRequestRepository {
    private final Jdbc jdbc;

    SyncRequestPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void request(AccountId accountId, PoolId poolId, Instant at) {
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO sync_requests (pool_id, account_id, asked_at, due_at)"
                        + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE asked_at = VALUES(asked_at),"
                        + " due_at = LEAST(due_at, VALUES(due_at))",
                poolId.value(), accountId.value(), at, at));
    }

    @Override
    public void requestAfterChange(AccountId accountId, PoolId poolId, Instant at) {
        request(accountId, poolId, at);
        jdbc.write(c -> Jdbc.update(c, "UPDATE sync_parts SET state = 'pending', updated_at = ? WHERE pool_id = ?"
                + " AND state = 'in_sync'", at, poolId.value()));
    }

    @Override
    public Optional<Instant> askedAt(PoolId poolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT asked_at FROM sync_requests WHERE pool_id = ?",
                rs -> Jdbc.instant(rs, "asked_at"), poolId.value()));
    }

    @Override
    public List<Leased> lease(String owner, int max, Instant now, Duration leaseFor) {
        return jdbc.write(c -> {
            List<Leased> due = Jdbc.query(c, "SELECT pool_id, account_id, asked_at FROM sync_requests"
                            + " WHERE due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                            + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> new Leased(new AccountId(rs.getString(2)), new PoolId(rs.getString(1)),
                            Jdbc.instant(rs, "asked_at")), now, now, max);
            for (Leased l : due) {
                Jdbc.update(c, "UPDATE sync_requests SET lease_owner = ?, lease_until = ? WHERE pool_id = ?", owner,
                        now.plus(leaseFor), l.poolId().value());
            }
            return due;
        });
    }

    @Override
    public boolean renew(Leased leased, String owner, Instant until) {
        return jdbc.write(c -> Jdbc.update(c, "UPDATE sync_requests SET lease_until = ? WHERE pool_id = ?"
                + " AND lease_owner = ?", until, leased.poolId().value(), owner)) > 0;
    }

    @Override
    public void complete(Leased leased, String owner) {
        jdbc.write(c -> {
            int deleted = Jdbc.update(c, "DELETE FROM sync_requests WHERE pool_id = ? AND lease_owner = ?"
                    + " AND asked_at = ?", leased.poolId().value(), owner, leased.requestedAt());
            if (deleted == 0) {
                Jdbc.update(c, "UPDATE sync_requests SET lease_owner = NULL, lease_until = NULL WHERE pool_id = ?"
                        + " AND lease_owner = ?", leased.poolId().value(), owner);
            }
            return deleted;
        });
    }

    @Override
    public void retryLater(Leased leased, String owner, Instant retryAt) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE sync_requests SET lease_owner = NULL, lease_until = NULL, due_at = ?"
                + " WHERE pool_id = ? AND lease_owner = ?", retryAt, leased.poolId().value(), owner));
    }

    @Override
    public int requestAll(Instant at) {
        return jdbc.write(c -> Jdbc.update(c, "INSERT INTO sync_requests (pool_id, account_id, asked_at, due_at)"
                + " SELECT p.id, p.account_id, ?, ? FROM pools p WHERE p.number_count > 0"
                + " OR EXISTS (SELECT 1 FROM sync_parts s WHERE s.pool_id = p.id)"
                + " ON DUPLICATE KEY UPDATE due_at = LEAST(sync_requests.due_at, VALUES(due_at))", at, at));
    }
}
