package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.event.CallbackSigners;
import dev.poolkeeper.application.service.messaging.MessageStore;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.message.Message;
import java.util.List;

/**
 * The outbox over in-memory repositories: the messages (none when a key is bound), then their events and the
 * further deliveries. The events' own fan-out is the events fake's.
 */
public final class InMemoryOutbox implements MessageOutbox {
    private final InMemoryMessages messages;
    private final EventRepository events;
    private final EventDeliveryRepository deliveries;

    public InMemoryOutbox(InMemoryMessages messages, EventRepository events, EventDeliveryRepository deliveries) {
        this.messages = messages;
        this.events = events;
        this.deliveries = deliveries;
    }

    /** A message store over in-memory messages and events, with no event endpoints. */
    public static MessageStore messageStore(InMemoryMessages messages, EventRepository events, TransactionRunner tx) {
        NoEventEndpoints none = new NoEventEndpoints();
        return new MessageStore(messages, new InMemoryOutbox(messages, events, none), events, new CallbackSigners(none),
                none, tx);
    }

    @Override
    public synchronized boolean insertAll(List<Message> ms, List<AccountEvent> made, List<EventDelivery> further) {
        if (!messages.insertAll(ms)) {
            return false;
        }
        events.appendAll(made);
        further.forEach(deliveries::insert);
        return true;
    }
}
