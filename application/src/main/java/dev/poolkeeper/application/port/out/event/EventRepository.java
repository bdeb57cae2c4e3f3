package dev.poolkeeper.application.port.out.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The accounts' events: an outbox written in the unit of work of the change an event reports. Appending an
 * event also makes, in the same unit of work, a pending delivery for each endpoint of the account that
 * wants its type (enabled, and naming the type or no type).
 */
public interface EventRepository {
    void append(AccountEvent event);

    /** Stores events, in order, as {@link #append} does each, in as few statements as it can. */
    default void appendAll(List<AccountEvent> events) {
        events.forEach(this::append);
    }

    /** The account's events after a position, oldest first (keyset pages, the position being the event's order). */
    Page<AccountEvent> list(AccountId accountId, PageRequest page);

    /** The account's newest {@code limit} events of these types, newest first. */
    List<AccountEvent> newest(AccountId accountId, Set<EventType> types, int limit);

    /** An event's position in its account's order, for reading on after it. */
    OptionalLong position(AccountId accountId, String eventId);

    Optional<AccountEvent> find(AccountId accountId, String eventId);

    /**
     * Forgets up to {@code limit} events made before {@code before}, with their settled deliveries; an event
     * with a delivery still waiting is kept. Returns how many events were forgotten.
     */
    int forgetBefore(java.time.Instant before, int limit);
}
