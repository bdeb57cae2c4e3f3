package dev.poolkeeper.adapters.persistence.event;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The events table, and the fan-out to the account's enabled endpoints that want each event, written with
 * the events.
 */
@Singleton
final class EventPersistenceAdapter implements EventRepository {
    private static final Argument<Map<String, Object>> DATA = Argument.mapOf(String.class, Object.class);

    private final Jdbc jdbc;
    private final JsonColumns json;
    private final EventWrites writes;

    EventPersistenceAdapter(Jdbc jdbc, JsonColumns json, EventWrites writes) {
        this.jdbc = jdbc;
        this.json = json;
        this.writes = writes;
    }

    @Override
    public void append(AccountEvent e) {
        appendAll(List.of(e));
    }

    /** With their deliveries (see {@link EventWrites}), written together. */
    @Override
    public void appendAll(List<AccountEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Jdbc.Script script = new Jdbc.Script();
        writes.add(script, events, List.of());
        jdbc.writeTogether(script);
    }

    @Override
    public int forgetBefore(java.time.Instant before, int limit) {
        return jdbc.write(c -> {
            Jdbc.update(c, "DELETE FROM event_deliveries WHERE due IS NULL AND created_at < ? LIMIT ?", before,
                    limit * 4);
            return Jdbc.update(c, "DELETE FROM events WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM"
                    + " event_deliveries d WHERE d.event_id = events.id AND d.due = 1) LIMIT ?", before, limit);
        });
    }

    @Override
    public Page<AccountEvent> list(AccountId accountId, PageRequest page) {
        List<Positioned<AccountEvent>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT seq, id, account_id, type,"
                        + " created_at, data FROM events WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), event(rs)), accountId.value(), page.after().orElse(0),
                page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public List<AccountEvent> newest(AccountId accountId, Set<EventType> types, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(accountId.value()));
        types.forEach(t -> params.add(t.wireName()));
        params.add(limit);
        // ix_events_account_type (V27): each type's newest entries, merged
        return jdbc.read(c -> Jdbc.query(c, "SELECT id, account_id, type, created_at, data FROM events"
                + " WHERE account_id = ? AND type IN (" + Jdbc.placeholders(types.size()) + ") ORDER BY seq DESC LIMIT ?",
                this::event, params.toArray()));
    }

    @Override
    public OptionalLong position(AccountId accountId, String eventId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT seq FROM events WHERE id = ? AND account_id = ?",
                rs -> rs.getLong(1), eventId, accountId.value())).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<AccountEvent> find(AccountId accountId, String eventId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT id, account_id, type, created_at, data FROM events"
                + " WHERE id = ? AND account_id = ?", this::event, eventId, accountId.value()));
    }

    private AccountEvent event(ResultSet rs) throws SQLException {
        String stored = rs.getString("type");
        EventType type = EventType.parse(stored).orElseThrow(() -> new IllegalStateException(
                "unknown event type in the events table: " + stored));
        return new AccountEvent(rs.getString("id"), new AccountId(rs.getString("account_id")), type,
                Jdbc.instant(rs, "created_at"), json.read(rs.getString("data"), DATA));
    }
}
