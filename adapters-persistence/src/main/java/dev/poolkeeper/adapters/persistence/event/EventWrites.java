package dev.poolkeeper.adapters.persistence.event;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.event.EventType;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows that store events: the events themselves and, for each, a pending delivery to every enabled
 * endpoint of its account that wants its type. Added to a {@link Jdbc.Script}, to be written together with
 * the change the events report.
 */
@Singleton
public final class EventWrites {
    private final Jdbc jdbc;
    private final JsonColumns json;

    EventWrites(Jdbc jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Subscriber(String accountId, String id, String types) {
        boolean wants(EventType type) {
            return types.isEmpty() || Arrays.asList(types.split(",")).contains(type.wireName());
        }
    }

    /**
     * Adds the inserts of {@code events}, of their deliveries to the endpoints that subscribe to them and of
     * {@code further} deliveries to {@code script}. The subscribers are read now, in one query for all the
     * events' accounts (inside a unit of work, on its snapshot).
     */
    public void add(Jdbc.Script script, List<AccountEvent> events, List<EventDelivery> further) {
        script.insertRows("INSERT INTO events (id, account_id, type, created_at, data) VALUES ", events,
                e -> List.of(e.id(), e.accountId().value(), e.type().wireName(), e.createdAt(), json.write(e.data())));
        List<EventDelivery> deliveries = new ArrayList<>(subscribed(events));
        deliveries.addAll(further);
        script.insertRows(EventDeliveryPersistenceAdapter.INSERT_INTO, deliveries, EventDeliveryPersistenceAdapter::row);
    }

    private List<EventDelivery> subscribed(List<AccountEvent> events) {
        List<String> accounts = events.stream().map(e -> e.accountId().value()).distinct().toList();
        Map<String, List<Subscriber>> byAccount = jdbc.readIn("SELECT account_id, id, event_types FROM event_endpoints"
                        + " WHERE enabled = TRUE AND account_id IN", rs -> new Subscriber(rs.getString("account_id"),
                        rs.getString("id"), rs.getString("event_types")), List.of(), accounts).stream()
                .collect(Collectors.groupingBy(Subscriber::accountId));
        List<EventDelivery> deliveries = new ArrayList<>();
        for (AccountEvent e : events) {
            for (Subscriber s : byAccount.getOrDefault(e.accountId().value(), List.of())) {
                if (s.wants(e.type())) {
                    deliveries.add(EventDelivery.pending(e.accountId(), new EventEndpointId(s.id()), e.id(),
                            e.createdAt()));
                }
            }
        }
        return deliveries;
    }
}
