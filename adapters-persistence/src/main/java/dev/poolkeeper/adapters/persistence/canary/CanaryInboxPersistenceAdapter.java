package dev.poolkeeper.adapters.persistence.canary;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Singleton
public final class CanaryInboxPersistenceAdapter implements CanaryInboxRepository {
    private static final String COLUMNS = "seq, id, account_id, connection_id, service, days, status, rental_id, number,"
            + " cost, ends_at, detail, probes_paused, rental_key, created_at, updated_at";

    private final Jdbc jdbc;

    CanaryInboxPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(CanaryInbox i) {
        return jdbc.write(w -> Jdbc.insertUnlessDuplicate(w, x -> Jdbc.update(x, "INSERT INTO canary_inboxes"
                        + " (id, account_id, connection_id, service, days, status, rental_id, number, cost, ends_at,"
                        + " detail, probes_paused, rental_key, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.id().value(), i.accountId().value(), i.connectionId().value(), i.service(), i.days(),
                i.status().wireName(), i.rentalId().orElse(null), i.number().map(PhoneNumber::e164).orElse(null),
                i.cost().orElse(null), i.endsAt().orElse(null), i.detail().orElse(null),
                i.probesPaused().orElse(null), i.rentalKey(),
                i.createdAt(), i.updatedAt())));
    }

    @Override
    public boolean update(CanaryInbox i, CanaryInbox.Status from) {
        int[] changed = {0};
        boolean unique = jdbc.write(w -> Jdbc.insertUnlessDuplicate(w, x -> changed[0] = Jdbc.update(x,
                "UPDATE canary_inboxes SET status = ?, rental_id = ?, number = ?, cost = ?, ends_at = ?, detail = ?,"
                        + " probes_paused = ?, updated_at = ? WHERE account_id = ? AND id = ? AND status = ?",
                i.status().wireName(), i.rentalId().orElse(null), i.number().map(PhoneNumber::e164).orElse(null),
                i.cost().orElse(null), i.endsAt().orElse(null), i.detail().orElse(null),
                i.probesPaused().orElse(null), i.updatedAt(), i.accountId().value(), i.id().value(),
                from.wireName())));
        return unique && changed[0] > 0;
    }

    @Override
    public void deleteRenting(CanaryInbox i) {
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM canary_inboxes WHERE account_id = ? AND id = ? AND status = ?",
                i.accountId().value(), i.id().value(), "renting"));
    }

    @Override
    public Optional<CanaryInbox> find(AccountId accountId, CanaryInboxId id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM canary_inboxes"
                + " WHERE account_id = ? AND id = ?", CanaryInboxPersistenceAdapter::inbox, accountId.value(), id.value()));
    }

    @Override
    public Optional<CanaryInbox> findByRentalKey(AccountId accountId, String rentalKey) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM canary_inboxes"
                        + " WHERE account_id = ? AND rental_key = ?", CanaryInboxPersistenceAdapter::inbox,
                accountId.value(), rentalKey));
    }

    @Override
    public Page<CanaryInbox> list(AccountId accountId, PageRequest page) {
        List<Positioned<CanaryInbox>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS
                        + " FROM canary_inboxes WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), inbox(rs)), accountId.value(), page.after().orElse(0),
                page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public List<CanaryInbox> active(int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM canary_inboxes WHERE status = ?"
                + " ORDER BY ends_at LIMIT ?", CanaryInboxPersistenceAdapter::inbox, "active", limit));
    }

    @Override
    public List<CanaryInbox> activeOf(ConnectionId connectionId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM canary_inboxes WHERE connection_id = ?"
                + " AND status = ? ORDER BY seq", CanaryInboxPersistenceAdapter::inbox, connectionId.value(), "active"));
    }

    @Override
    public List<CanaryInbox> renting(int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM canary_inboxes WHERE status = ?"
                + " ORDER BY seq LIMIT ?", CanaryInboxPersistenceAdapter::inbox, "renting", limit));
    }

    @Override
    public List<CanaryInbox> activeEndingBefore(Instant at, int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM canary_inboxes WHERE status = ?"
                + " AND ends_at < ? ORDER BY ends_at LIMIT ?", CanaryInboxPersistenceAdapter::inbox, "active", at, limit));
    }

    @Override
    public boolean warnOnce(CanaryInboxId id, int days) {
        return jdbc.write(c -> Jdbc.insertUnlessDuplicate(c, x -> Jdbc.update(x,
                "INSERT INTO canary_inbox_warnings (inbox_id, days) VALUES (?, ?)", id.value(), days)));
    }

    @Override
    public boolean warned(CanaryInboxId id, int days) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT 1 FROM canary_inbox_warnings WHERE inbox_id = ? AND days = ?",
                rs -> true, id.value(), days)).isPresent();
    }

    @Override
    public boolean warnPoolOnce(CanaryInboxId id, PoolId pool, int days) {
        return jdbc.write(c -> Jdbc.insertUnlessDuplicate(c, x -> Jdbc.update(x,
                "INSERT INTO canary_pool_warnings (inbox_id, pool_id, days) VALUES (?, ?, ?)", id.value(), pool.value(),
                days)));
    }

    @Override
    public Set<String> claimed(Collection<String> rentalIds) {
        return new HashSet<>(jdbc.readIn("SELECT rental_id FROM canary_inboxes WHERE rental_id IN",
                rs -> rs.getString(1), List.of(), rentalIds));
    }

    private static CanaryInbox inbox(ResultSet rs) throws SQLException {
        return new CanaryInbox(new CanaryInboxId(rs.getString("id")), new AccountId(rs.getString("account_id")),
                new ConnectionId(rs.getString("connection_id")), rs.getString("service"), rs.getInt("days"),
                Jdbc.wireName(CanaryInbox.Status.class, rs.getString("status")),
                Optional.ofNullable(rs.getString("rental_id")),
                Optional.ofNullable(rs.getString("number")).map(PhoneNumber::new),
                Optional.ofNullable(rs.getBigDecimal("cost")).map(java.math.BigDecimal::stripTrailingZeros),
                Optional.ofNullable(Jdbc.instant(rs, "ends_at")), Optional.ofNullable(rs.getString("detail")),
                Optional.ofNullable(rs.getString("probes_paused")), rs.getString("rental_key"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
