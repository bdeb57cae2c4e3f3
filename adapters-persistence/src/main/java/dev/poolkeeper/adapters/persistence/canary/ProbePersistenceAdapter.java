package dev.poolkeeper.adapters.persistence.canary;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.canary.ProbeId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
public final class ProbePersistenceAdapter implements ProbeRepository {
    private static final String COLUMNS = "seq, id, account_id, pool_id, inbox_id, from_number, provider, code, status,"
            + " detail, sent_at, deadline, arrived_at";

    private final Jdbc jdbc;

    ProbePersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Probe p) {
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO canary_probes (id, account_id, pool_id, inbox_id, from_number,"
                        + " provider, code, status, detail, sent_at, deadline, arrived_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id().value(), p.accountId().value(),
                p.poolId().value(), p.inboxId().value(), p.from().e164(), p.provider().wireName(), p.code(),
                p.status().wireName(), p.detail().orElse(null), p.sentAt(), p.deadline(), p.arrivedAt().orElse(null)));
    }

    @Override
    public boolean update(Probe p, Probe.Status from) {
        return jdbc.write(c -> Jdbc.update(c, "UPDATE canary_probes SET status = ?, detail = ?, arrived_at = ?"
                        + " WHERE id = ? AND status = ?", p.status().wireName(), p.detail().orElse(null),
                p.arrivedAt().orElse(null), p.id().value(), from.wireName()) > 0);
    }

    @Override
    public Page<Probe> list(AccountId accountId, PoolId poolId, PageRequest page) {
        List<Positioned<Probe>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM canary_probes"
                        + " WHERE account_id = ? AND pool_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), probe(rs)), accountId.value(), poolId.value(),
                page.after().orElse(0), page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public List<Probe> awaited(int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM canary_probes WHERE status = ?"
                + " ORDER BY inbox_id, seq LIMIT ?", ProbePersistenceAdapter::probe, "sent", limit));
    }

    @Override
    public boolean arrivedFromAnotherNumber(CanaryInboxId inboxId, PhoneNumber except, Instant since) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM canary_probes WHERE inbox_id = ? AND status = ?"
                + " AND arrived_at >= ? AND from_number <> ?", inboxId.value(), "delivered", since, except.e164())) > 0;
    }

    @Override
    public int deleteSettledBefore(Instant cutoff, int limit) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM canary_probes WHERE sent_at < ? AND status <> ?"
                + " ORDER BY sent_at LIMIT ?", cutoff, "sent", limit));
    }

    @Override
    public Map<PhoneNumber, Instant> lastProbed(AccountId accountId, PoolId poolId) {
        Map<PhoneNumber, Instant> last = new HashMap<>();
        jdbc.read(c -> Jdbc.query(c, "SELECT from_number, MAX(sent_at) AS last_sent FROM canary_probes"
                        + " WHERE account_id = ? AND pool_id = ? GROUP BY from_number",
                rs -> last.put(new PhoneNumber(rs.getString("from_number")), Jdbc.instant(rs, "last_sent")),
                accountId.value(), poolId.value()));
        return last;
    }

    private static Probe probe(ResultSet rs) throws SQLException {
        return new Probe(new ProbeId(rs.getString("id")), new AccountId(rs.getString("account_id")),
                new PoolId(rs.getString("pool_id")), new CanaryInboxId(rs.getString("inbox_id")),
                new PhoneNumber(rs.getString("from_number")), Jdbc.wireName(Provider.class, rs.getString("provider")),
                rs.getString("code"), Jdbc.wireName(Probe.Status.class, rs.getString("status")),
                Optional.ofNullable(rs.getString("detail")), Jdbc.instant(rs, "sent_at"),
                Jdbc.instant(rs, "deadline"), Optional.ofNullable(Jdbc.instant(rs, "arrived_at")));
    }
}
