package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.event.MessageEvents;
import dev.poolkeeper.domain.message.Message;
import java.time.Instant;

/**
 * Writes a message and the events of its status changes in one unit of work (the outbox): an event is
 * stored if and only if the change it reports is. Every write of a message that may change its status goes
 * through here.
 */
public final class MessageStore {
    private final MessageRepository messages;
    private final EventRepository events;
    private final TransactionRunner tx;

    public MessageStore(MessageRepository messages, EventRepository events, TransactionRunner tx) {
        this.messages = messages;
        this.events = events;
        this.tx = tx;
    }

    /** Stores a new message; false, storing nothing, when its idempotency key is already bound. */
    public boolean insert(Message m) {
        return tx.inTransaction(() -> {
            if (!messages.insert(m)) {
                return false;
            }
            publish(m);
            return true;
        });
    }

    public void update(Message m) {
        tx.inTransaction(() -> {
            messages.update(m);
            publish(m);
            return null;
        });
    }

    /** As {@link MessageRepository#updateIfWaiting}; the events are stored only when the message is. */
    public boolean updateIfWaiting(Message m, Instant readUpdatedAt) {
        return tx.inTransaction(() -> {
            if (!messages.updateIfWaiting(m, readUpdatedAt)) {
                return false;
            }
            publish(m);
            return true;
        });
    }

    private void publish(Message m) {
        MessageEvents.take(m).forEach(events::append);
    }
}
