package dev.poolkeeper.adapters.persistence.event;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.event.EventType;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows that store events: the events themselves and, for each, a pending delivery to every enabled
 * endpoint of its account that wants its type. Added to a {@link Jdbc.Script}, to be written together with
 * the change the events report.
 */
@Singleton
public final class EventWrites {
    private final JsonColumns json;
    private final EventSubscribers subscribers;

    EventWrites(JsonColumns json, EventSubscribers subscribers) {
        this.json = json;
        this.subscribers = subscribers;
    }

    /**
     * Adds the inserts of {@code events}, of their deliveries to the endpoints that subscribe to them and of
     * {@code further} deliveries to {@code script}. The subscribers are those {@link EventSubscribers} knows of
     * (read in one query for the accounts it does not remember).
     */
    public void add(Jdbc.Script script, List<AccountEvent> events, List<EventDelivery> further) {
        script.insertRows("INSERT INTO events (id, account_id, type, created_at, data) VALUES ", events,
                e -> List.of(e.id(), e.accountId().value(), e.type().wireName(), e.createdAt(), json.write(e.data())));
        List<EventDelivery> deliveries = new ArrayList<>(subscribed(events));
        deliveries.addAll(further);
        script.insertRows(EventDeliveryPersistenceAdapter.INSERT_INTO, deliveries, EventDeliveryPersistenceAdapter::row);
    }

    private List<EventDelivery> subscribed(List<AccountEvent> events) {
        Map<String, List<EventSubscribers.Subscriber>> byAccount = subscribers.of(events.stream()
                .map(e -> e.accountId().value()).distinct().toList());
        List<EventDelivery> deliveries = new ArrayList<>();
        for (AccountEvent e : events) {
            for (EventSubscribers.Subscriber s : byAccount.get(e.accountId().value())) {
                if (s.wants(e.type())) {
                    deliveries.add(EventDelivery.pending(e.accountId(), new EventEndpointId(s.id()), e.id(),
                            e.createdAt()));
                }
            }
        }
        return deliveries;
    }
}
