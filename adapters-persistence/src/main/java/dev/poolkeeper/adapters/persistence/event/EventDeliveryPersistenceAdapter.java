package dev.poolkeeper.adapters.persistence.event;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.DeliveryBacklog;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
final class EventDeliveryPersistenceAdapter implements EventDeliveryRepository {
    private static final String COLUMNS = "id, account_id, endpoint_id, event_id, status, attempts, next_attempt_at,"
            + " last_attempt_at, last_status_code, last_error, created_at, url";

    private final Jdbc jdbc;

    EventDeliveryPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement up to {@code VALUES } that {@link #row} completes. */
    static final String INSERT_INTO = "INSERT INTO event_deliveries (" + COLUMNS + ", due) VALUES ";

    /** A delivery's values in the column order of {@link #INSERT_INTO}. */
    static List<Object> row(EventDelivery d) {
        return java.util.Arrays.asList(d.id(), d.accountId().value(), d.endpointId().value(), d.eventId(),
                d.status().wireName(), d.attempts(), d.nextAttemptAt().orElse(null), d.lastAttemptAt().orElse(null),
                d.lastStatusCode().orElse(null), d.lastError().orElse(null), d.createdAt(),
                d.url().map(java.net.URI::toString).orElse(null), due(d));
    }

    private static Integer due(EventDelivery d) {
        return d.status() == EventDelivery.Status.PENDING || d.status() == EventDelivery.Status.RETRYING ? 1 : null;
    }

    @Override
    public void insert(EventDelivery delivery) {
        jdbc.writeTogether(new Jdbc.Script().insertRows(INSERT_INTO, List.of(delivery),
                EventDeliveryPersistenceAdapter::row));
    }

    @Override
    public void update(EventDelivery d) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE event_deliveries SET status = ?, due = ?, attempts = ?,"
                        + " next_attempt_at = ?, last_attempt_at = ?, last_status_code = ?, last_error = ? WHERE id = ?",
                d.status().wireName(), due(d), d.attempts(), d.nextAttemptAt().orElse(null),
                d.lastAttemptAt().orElse(null), d.lastStatusCode().orElse(null), d.lastError().orElse(null), d.id()));
    }

    @Override
    public List<EventDelivery> claimDue(Instant now, Instant leaseUntil, int limit, int perEndpoint) {
        return jdbc.write(c -> {
            List<EventDelivery> due = Jdbc.query(c, "SELECT " + COLUMNS + " FROM event_deliveries WHERE due = 1"
                    + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
                    EventDeliveryPersistenceAdapter::delivery, now, limit * 4);
            Map<EventEndpointId, Integer> taken = new HashMap<>();
            List<EventDelivery> claimed = new ArrayList<>();
            for (EventDelivery d : due) {
                if (claimed.size() == limit || taken.merge(d.endpointId(), 1, Integer::sum) > perEndpoint) {
                    continue;
                }
                Jdbc.update(c, "UPDATE event_deliveries SET next_attempt_at = ? WHERE id = ?", leaseUntil, d.id());
                claimed.add(d);
            }
            return claimed;
        });
    }

    @Override
    public Page<EventDelivery> list(AccountId accountId, EventEndpointId endpointId,
                                    Optional<EventDelivery.Status> status, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(endpointId.value(), accountId.value(),
                page.after().orElse(Long.MAX_VALUE)));
        String filter = status.isPresent() ? " AND status = ?" : "";
        status.ifPresent(s -> params.add(s.wireName()));
        params.add(page.size() + 1);
        List<Positioned<EventDelivery>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT seq, " + COLUMNS
                        + " FROM event_deliveries WHERE endpoint_id = ? AND account_id = ? AND seq < ?" + filter
                        + " ORDER BY seq DESC LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), delivery(rs)), params.toArray()));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public Map<EventEndpointId, DeliveryBacklog> backlogs(Collection<EventEndpointId> endpoints) {
        if (endpoints.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        endpoints.forEach(e -> params.add(e.value()));
        params.addAll(List.of(EventDelivery.Status.PENDING.wireName(), EventDelivery.Status.RETRYING.wireName(),
                EventDelivery.Status.DEAD.wireName()));
        Map<EventEndpointId, DeliveryBacklog> backlogs = new HashMap<>();
        // ix_event_deliveries_endpoint_status: counts of index entries, never of delivered rows
        jdbc.read(c -> Jdbc.query(c, "SELECT endpoint_id, status, COUNT(*), MIN(created_at) AS oldest"
                        + " FROM event_deliveries WHERE endpoint_id IN (" + Jdbc.placeholders(endpoints.size())
                        + ") AND status IN (?, ?, ?) GROUP BY endpoint_id, status",
                rs -> backlogs.merge(new EventEndpointId(rs.getString(1)),
                        EventDelivery.Status.DEAD.wireName().equals(rs.getString(2))
                                ? new DeliveryBacklog(0, Optional.empty(), rs.getLong(3))
                                : new DeliveryBacklog(rs.getLong(3), Optional.ofNullable(Jdbc.instant(rs, "oldest")), 0),
                        DeliveryBacklog::plus), params.toArray()));
        return backlogs;
    }

    @Override
    public int abandonWaiting(EventEndpointId endpointId, String why, Instant now) {
        return jdbc.write(c -> abandonWaiting(c, endpointId, why));
    }

    /** Ends the endpoint's waiting deliveries on this connection (also when the endpoint is deleted). */
    static int abandonWaiting(Connection c, EventEndpointId endpointId, String why) throws SQLException {
        return Jdbc.update(c, "UPDATE event_deliveries SET status = ?, due = NULL, next_attempt_at = NULL,"
                + " last_error = ? WHERE endpoint_id = ? AND due = 1", EventDelivery.Status.DEAD.wireName(), why,
                endpointId.value());
    }

    private static EventDelivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("last_status_code");
        Optional<Integer> status = rs.wasNull() ? Optional.empty() : Optional.of(code);
        return EventDelivery.reconstitute(rs.getString("id"), new AccountId(rs.getString("account_id")),
                new EventEndpointId(rs.getString("endpoint_id")), rs.getString("event_id"),
                Jdbc.wireName(EventDelivery.Status.class, rs.getString("status")), rs.getInt("attempts"),
                Optional.ofNullable(Jdbc.instant(rs, "next_attempt_at")),
                Optional.ofNullable(Jdbc.instant(rs, "last_attempt_at")), status,
                Optional.ofNullable(rs.getString("last_error")), Jdbc.instant(rs, "created_at"),
                Optional.ofNullable(rs.getString("url")).map(java.net.URI::create));
    }
}
