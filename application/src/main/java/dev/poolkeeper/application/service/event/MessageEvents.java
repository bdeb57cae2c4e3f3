package dev.poolkeeper.application.service.event;

import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.StatusChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The events a message's status changes make: one per change the application is told about. */
public final class MessageEvents {
    private MessageEvents() {
    }

    /** The event type of entering {@code status}; none for {@code sending} (a dispatcher's step). */
    public static Optional<EventType> typeOf(MessageStatus status) {
        return Optional.ofNullable(switch (status) {
            case QUEUED, SCHEDULED -> EventType.MESSAGE_QUEUED;
            case SENDING -> null;
            case SENT -> EventType.MESSAGE_SENT;
            case DELIVERED -> EventType.MESSAGE_DELIVERED;
            case UNDELIVERED -> EventType.MESSAGE_UNDELIVERED;
            case FAILED, REJECTED -> EventType.MESSAGE_FAILED;
            case EXPIRED -> EventType.MESSAGE_EXPIRED;
            case CANCELED -> EventType.MESSAGE_CANCELED;
            case UNKNOWN -> EventType.MESSAGE_UNKNOWN;
        });
    }

    /**
     * The events of the changes the message made since it was created or loaded and not yet reported, each
     * with the message as it is now (reading them marks nothing: see {@link Message#changesReported}). A
     * message requeued after a failed attempt is not {@code queued} again for the application: only its
     * first {@code queued} (or {@code scheduled}) is.
     */
    public static List<AccountEvent> unreported(Message m) {
        List<AccountEvent> events = new ArrayList<>();
        boolean first = m.attempts().isEmpty();
        for (StatusChange change : m.unreportedChanges()) {
            Optional<EventType> type = typeOf(change.status());
            if (type.isEmpty() || (type.get() == EventType.MESSAGE_QUEUED && !first)) {
                continue;
            }
            events.add(AccountEvent.of(m.accountId(), type.get(), change.at(), Map.of("message", data(m,
                    change))));
        }
        return events;
    }

    private static Map<String, Object> data(Message m, StatusChange change) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", m.id().value());
        message.put("pool_id", m.poolId().value());
        message.put("from", m.sender().from());
        message.put("to", m.to().e164());
        message.put("provider", m.sender().provider().wireName());
        message.put("status", change.status().wireName());
        message.put("status_at", change.at().toString());
        message.put("priority", m.submission().priority().wireName());
        m.submission().clientReference().ifPresent(r -> message.put("client_reference", r));
        m.providerMessageId().ifPresent(id -> message.put("provider_message_id", id));
        m.errorCode().ifPresent(code -> message.put("error_code", code));
        m.errorMessage().ifPresent(detail -> message.put("error_message", detail));
        return message;
    }
}
