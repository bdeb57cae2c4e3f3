package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.event.CallbackSigners;
import dev.poolkeeper.application.service.event.MessageEvents;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.message.Message;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a message and the events of its status changes in one unit of work (the outbox): an event is
 * stored if and only if the change it reports is, and so is its delivery to the message's status callback.
 * Every write of a message that may change its status goes through here. A message's changes are marked
 * reported only once the unit of work has committed, so one that is rolled back and run again (a deadlock
 * victim) stores their events again, and none is lost.
 */
public final class MessageStore {
    private final MessageRepository messages;
    private final MessageOutbox outbox;
    private final EventRepository events;
    private final CallbackSigners signers;
    private final EventDeliveryRepository deliveries;
    private final TransactionRunner tx;

    public MessageStore(MessageRepository messages, MessageOutbox outbox, EventRepository events,
                        CallbackSigners signers, EventDeliveryRepository deliveries, TransactionRunner tx) {
        this.messages = messages;
        this.outbox = outbox;
        this.events = events;
        this.signers = signers;
        this.deliveries = deliveries;
        this.tx = tx;
    }

    /** Stores a new message; false, storing nothing, when its idempotency key is already bound. */
    public boolean insert(Message m) {
        return unit(List.of(m), () -> {
            if (!messages.insert(m)) {
                return false;
            }
            publish(m);
            return true;
        });
    }

    /**
     * Stores new messages, their events and the events' deliveries at once, through the outbox; false,
     * storing none of them, when an idempotency key of one of them is already bound (store them one by one
     * with {@link #insert} then). The changes are marked reported once stored, as {@link #unit} does.
     */
    public boolean insertAll(List<Message> ms) {
        List<AccountEvent> made = new ArrayList<>();
        List<EventDelivery> toCallbacks = new ArrayList<>();
        for (Message m : ms) {
            List<AccountEvent> events = MessageEvents.unreported(m);
            made.addAll(events);
            toCallbacks.addAll(toCallback(m, events));
        }
        boolean stored = outbox.insertAll(ms, made, toCallbacks);
        if (stored) {
            ms.forEach(Message::changesReported);
        }
        return stored;
    }

    public void update(Message m) {
        unit(List.of(m), () -> {
            messages.update(m);
            publish(m);
            return true;
        });
    }

    /** As {@link MessageRepository#updateIfWaiting}; the events are stored only when the message is. */
    public boolean updateIfWaiting(Message m, Instant readUpdatedAt) {
        return unit(List.of(m), () -> {
            if (!messages.updateIfWaiting(m, readUpdatedAt)) {
                return false;
            }
            publish(m);
            return true;
        });
    }

    /**
     * Runs a unit of work that writes {@code written} and their events; once it has committed and answered
     * true (they were stored), their changes are reported.
     */
    private boolean unit(List<Message> written, Supplier<Boolean> work) {
        boolean stored = tx.inTransaction(work);
        if (stored) {
            written.forEach(Message::changesReported);
        }
        return stored;
    }

    /** The events of the message's changes; with a status callback, a delivery of each to it as well. */
    private void publish(Message m) {
        List<AccountEvent> made = MessageEvents.unreported(m);
        events.appendAll(made);
        toCallback(m, made).forEach(deliveries::insert);
    }

    /** With a status callback, a delivery of each of the message's new events to it. */
    private List<EventDelivery> toCallback(Message m, List<AccountEvent> made) {
        if (made.isEmpty() || m.submission().statusCallback().isEmpty()) {
            return List.of();
        }
        URI callback = m.submission().statusCallback().get();
        return signers.signer(m.accountId(), callback).map(endpoint -> made.stream().map(e ->
                EventDelivery.toCallback(m.accountId(), endpoint.id(), e.id(), callback, e.createdAt())).toList())
                .orElse(List.of());
    }
}
