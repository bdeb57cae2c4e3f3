package dev.poolkeeper.adapters.persistence.canary;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.canary.ProbeScheduleRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.ProbeSchedule;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
public final class ProbeSchedulePersistenceAdapter implements ProbeScheduleRepository {
    private static final String COLUMNS = "account_id, pool_id, inbox_id, sample, interval_seconds, next_run_at,"
            + " last_run_at, last_result, created_at, updated_at";

    private final Jdbc jdbc;

    ProbeSchedulePersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(ProbeSchedule s) {
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO probe_schedules (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE inbox_id = VALUES(inbox_id),"
                        + " sample = VALUES(sample), interval_seconds = VALUES(interval_seconds),"
                        + " next_run_at = VALUES(next_run_at), updated_at = VALUES(updated_at)",
                s.accountId().value(), s.poolId().value(), s.inboxId().value(), s.sample(), s.interval().toSeconds(),
                s.nextRunAt(), s.lastRunAt().orElse(null), s.lastResult().orElse(null), s.createdAt(),
                s.updatedAt()));
    }

    @Override
    public Optional<ProbeSchedule> find(AccountId accountId, PoolId poolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM probe_schedules WHERE account_id = ?"
                + " AND pool_id = ?", ProbeSchedulePersistenceAdapter::schedule, accountId.value(), poolId.value()));
    }

    @Override
    public boolean delete(AccountId accountId, PoolId poolId) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM probe_schedules WHERE account_id = ? AND pool_id = ?",
                accountId.value(), poolId.value()) > 0);
    }

    @Override
    public List<ProbeSchedule> usingInbox(CanaryInboxId inboxId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM probe_schedules WHERE inbox_id = ?",
                ProbeSchedulePersistenceAdapter::schedule, inboxId.value()));
    }

    @Override
    public List<ProbeSchedule> due(Instant now, int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM probe_schedules WHERE next_run_at <= ?"
                + " ORDER BY next_run_at LIMIT ?", ProbeSchedulePersistenceAdapter::schedule, now, limit));
    }

    @Override
    public boolean update(ProbeSchedule s, Instant expectedNextRunAt) {
        return jdbc.write(c -> Jdbc.update(c, "UPDATE probe_schedules SET next_run_at = ?, last_run_at = ?,"
                        + " last_result = ?, updated_at = ? WHERE pool_id = ? AND next_run_at = ?", s.nextRunAt(),
                s.lastRunAt().orElse(null), s.lastResult().orElse(null), s.updatedAt(), s.poolId().value(),
                expectedNextRunAt) > 0);
    }

    private static ProbeSchedule schedule(ResultSet rs) throws SQLException {
        return new ProbeSchedule(new AccountId(rs.getString("account_id")), new PoolId(rs.getString("pool_id")),
                new CanaryInboxId(rs.getString("inbox_id")), rs.getInt("sample"),
                Duration.ofSeconds(rs.getLong("interval_seconds")), Jdbc.instant(rs, "next_run_at"),
                Optional.ofNullable(Jdbc.instant(rs, "last_run_at")), Optional.ofNullable(rs.getString("last_result")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
