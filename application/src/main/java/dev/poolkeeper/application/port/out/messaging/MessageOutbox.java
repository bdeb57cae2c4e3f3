package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.message.Message;
import java.util.List;

/**
 * New messages written together with the events that report them (the outbox): the messages, their
 * events, each event's deliveries to the account's enabled endpoints that want it, and further
 * {@code deliveries} (to the messages' status callbacks) — all of them or none. Accepting is the hottest
 * write there is, so an implementation sends it to its store in as few exchanges as it can.
 */
public interface MessageOutbox {
    /**
     * Stores it all; false, storing nothing, when an idempotency key of one of the messages is already
     * bound (a concurrent request stored a message with it first).
     */
    boolean insertAll(List<Message> messages, List<AccountEvent> events, List<EventDelivery> deliveries);
}
