package dev.poolkeeper.application.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemoryEvents;
import dev.poolkeeper.application.fakes.InMemoryMessages;
import dev.poolkeeper.application.fakes.InMemoryOutbox;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A unit of work the database rolls back and runs again (a deadlock victim) stores the message's events the
 * second time too: reading a message's changes marks nothing until the unit has committed.
 */
class MessageStoreRetryTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:00Z");

    /** Fails the first append of events, as a deadlock would, and stores from then on. */
    private static final class FailingOnce implements EventRepository {
        final InMemoryEvents stored = new InMemoryEvents();
        boolean failed;

        @Override
        public void append(AccountEvent event) {
            appendAll(List.of(event));
        }

        @Override
        public void appendAll(List<AccountEvent> events) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("deadlock found when trying to get lock");
            }
            stored.appendAll(events);
        }

        public Page<AccountEvent> list(AccountId accountId, PageRequest page) {
            return stored.list(accountId, page);
        }

        public List<AccountEvent> newest(AccountId accountId, Set<EventType> types, int limit) {
            return stored.newest(accountId, types, limit);
        }

        public OptionalLong position(AccountId accountId, String eventId) {
            return stored.position(accountId, eventId);
        }

        public Optional<AccountEvent> find(AccountId accountId, String eventId) {
            return stored.find(accountId, eventId);
        }

        public int forgetBefore(Instant before, int limit) {
            return stored.forgetBefore(before, limit);
        }
    }

    /** Runs a unit of work again when it fails, as the database runner does for a deadlock victim. */
    private static final TransactionRunner RETRYING = new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            try {
                return work.get();
            } catch (IllegalStateException deadlock) {
                return work.get();
            }
        }
    };

    private static Message message(String to) {
        return Message.accept(AccountId.newId(NOW), PoolId.newId(NOW), PhoneNumber.parse(to), "hi",
                new Sender("+14155550101", Provider.TELNYX, Optional.of(NumberType.LONG_CODE), Reason.WEIGHTED),
                List.of(), Optional.empty(), new Submission(Priority.NORMAL, Optional.empty(),
                        NOW.plus(Duration.ofHours(4)), Optional.empty(), Optional.empty()), NOW);
    }

    @Test
    void aBatchWhoseWriteFailedStoresEveryMessagesEventOnceWhenWrittenAgain() {
        InMemoryMessages messages = new InMemoryMessages();
        FailingOnce events = new FailingOnce();
        MessageStore store = InMemoryOutbox.messageStore(messages, events, RETRYING);
        List<Message> batch = List.of(message("+12125550100"), message("+12125550101"));

        assertThrows(IllegalStateException.class, () -> store.insertAll(batch));
        assertTrue(store.insertAll(batch)); // the caller's second try (the fake puts the messages again)

        assertEquals(List.of(EventType.MESSAGE_QUEUED, EventType.MESSAGE_QUEUED), events.stored.types(),
                "the failed write marked no change reported");
        assertTrue(store.insertAll(List.of(message("+12125550102"))));
        assertEquals(3, events.stored.types().size(), "the write after stores the new message's event alone");
    }

    @Test
    void aMessageRunAgainStoresItsEventOnceAndAWriteAfterStoresNoMore() {
        FailingOnce events = new FailingOnce();
        InMemoryMessages messages = new InMemoryMessages();
        MessageStore store = InMemoryOutbox.messageStore(messages, events, RETRYING);
        Message m = message("+12125550100");

        assertTrue(store.insert(m));
        store.update(m);

        assertTrue(events.failed, "the first run failed");
        assertEquals(List.of(EventType.MESSAGE_QUEUED), events.stored.types(),
                "stored by the second run; the write after it has no change to report");
    }
}
