package dev.poolkeeper.adapters.persistence.contract;

import dev.poolkeeper.domain.message.QueueBacklog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.StatusChange;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The message queue on the real database: its order, its claims, its sweeps and its listing. */
class MessageQueueAdapterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    private final MessageRepository messages = DB.bean(MessageRepository.class);
    private final AccountId account = AccountId.newId(NOW);
    private final PoolId pool = PoolId.newId(NOW);

    private static Sender sender(String number) {
        return new Sender(number, Provider.TELNYX, Optional.of(NumberType.LONG_CODE), Reason.WEIGHTED);
    }

    private Message stored(String from, Priority priority, Instant at, Optional<String> reference) {
        Message m = Message.accept(account, pool, PhoneNumber.parse("+12125550100"), "hi", sender(from), List.of(),
                Optional.empty(), new Submission(priority, Optional.empty(), at.plus(Duration.ofHours(4)), reference,
                        Optional.of(java.net.URI.create("https://app.example.com/status"))), at);
        assertTrue(messages.insert(m));
        return m;
    }

    @Test
    void theHeadOfTheQueueIsHighPriorityFirstThenByDueTimeAndSkipsTheSendersAsked() {
        Message bulkOld = stored("+14155550101", Priority.NORMAL, NOW.minusSeconds(30), Optional.empty());
        Message bulkNew = stored("+14155550102", Priority.NORMAL, NOW.minusSeconds(20), Optional.empty());
        Message code = stored("+14155550101", Priority.HIGH, NOW.minusSeconds(10), Optional.of("otp"));
        Message future = stored("+14155550101", Priority.HIGH, NOW.plusSeconds(60), Optional.empty());
        List<Message> head = messages.due(NOW, Set.of(), 10).stream().filter(m -> m.poolId().equals(pool)).toList();
        assertEquals(List.of(code.id(), bulkOld.id(), bulkNew.id()), head.stream().map(Message::id).toList());
        assertFalse(head.stream().anyMatch(m -> m.id().equals(future.id())), "not due yet");
        assertEquals(List.of(bulkNew.id()), messages.due(NOW, Set.of("+14155550101"), 10).stream()
                .filter(m -> m.poolId().equals(pool)).map(Message::id).toList());
        assertEquals(4, messages.waiting(pool));
        QueueBacklog backlog = messages.backlogs(NOW).get(pool);
        assertEquals(3, backlog.depth());
        assertEquals(NOW.minusSeconds(30), backlog.oldestDue());

        Message read = head.get(0);
        Message rival = messages.due(NOW, Set.of(), 10).stream().filter(m -> m.id().equals(code.id())).findFirst()
                .orElseThrow();
        Instant readAt = read.updatedAt();
        read.startSending(NOW);
        assertTrue(messages.updateIfWaiting(read, readAt), "the first claim wins");
        rival.startSending(NOW.plusMillis(1));
        assertFalse(messages.updateIfWaiting(rival, readAt), "a second claim on the same read loses");
        Message claimed = messages.find(account, code.id()).orElseThrow();
        assertEquals(MessageStatus.SENDING, claimed.status());
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.SENDING),
                claimed.transitions().stream().map(StatusChange::status).toList());
        assertEquals(Optional.of("otp"), claimed.submission().clientReference());
        assertEquals(Priority.HIGH, claimed.submission().priority());
        assertEquals(3, messages.waiting(pool));
    }

    /**
     * A backlog of scheduled messages costs the dispatchers' reads nothing until it is due: the head of the
     * queue and the queue's gauges read the due entries of the queue's index, not every waiting message.
     */
    @Test
    void messagesScheduledLaterAreNotReadByTheQueuesHeadOrItsGauges() {
        PoolId later = PoolId.newId(NOW);
        List<Message> scheduled = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            scheduled.add(Message.accept(account, later, PhoneNumber.parse("+12125550100"), "later",
                    sender("+14155550109"), List.of(), Optional.empty(), Submission.standard(NOW.plusSeconds(7_200)),
                    NOW.plusSeconds(3_600)));
        }
        assertTrue(DB.bean(MessageOutbox.class).insertAll(scheduled, List.of(), List.of()));
        assertEquals(2_000, messages.waiting(later));

        long before = indexEntriesRead();
        assertFalse(messages.due(NOW, Set.of(), 10).stream().anyMatch(m -> m.poolId().equals(later)));
        assertFalse(messages.due(NOW, Set.of("+14155550101"), 10).stream().anyMatch(m -> m.poolId().equals(later)));
        assertFalse(messages.backlogs(NOW).containsKey(later));
        assertFalse(messages.backlogs(account, NOW).containsKey(later));
        long read = indexEntriesRead() - before;
        assertTrue(read < 200, "the four reads walked " + read + " rows and index entries; the 2,000 messages"
                + " scheduled later are not among what they need");
        assertEquals(2_000, messages.backlogs(NOW.plusSeconds(3_600)).get(later).depth(), "due, they are counted");
    }

    /** Rows and index entries the database has read so far, all sessions together (the tests run one at a time). */
    private static long indexEntriesRead() {
        return DB.bean(Jdbc.class).read(c -> Jdbc.query(c, "SHOW GLOBAL STATUS WHERE Variable_name IN"
                + " ('Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd_next')", rs -> rs.getLong(2)))
                .stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void expiredMessagesAreFoundAndAListIsNewestFirstPagedAndFiltered() {
        Message old = stored("+14155550103", Priority.NORMAL, NOW.minus(Duration.ofHours(5)), Optional.of("a"));
        Message young = stored("+14155550103", Priority.NORMAL, NOW, Optional.of("b"));
        TransactionRunner tx = DB.bean(TransactionRunner.class);
        List<Message> expired = tx.inTransaction(() -> messages.lockExpired(NOW, 100));
        assertTrue(expired.stream().anyMatch(m -> m.id().equals(old.id())));
        assertFalse(expired.stream().anyMatch(m -> m.id().equals(young.id())));

        Page<Message> first = messages.list(account, MessageFilter.all(), PageRequest.first(1));
        assertEquals(List.of(young.id()), first.items().stream().map(Message::id).toList());
        Page<Message> second = messages.list(account, MessageFilter.all(),
                PageRequest.after(1, first.next().orElseThrow()));
        assertEquals(List.of(old.id()), second.items().stream().map(Message::id).toList());
        assertTrue(second.next().isEmpty());
        MessageFilter byReference = new MessageFilter(Optional.of(pool), Optional.of(MessageStatus.QUEUED),
                Optional.of(PhoneNumber.parse("+12125550100")), Optional.of("+14155550103"),
                Optional.of(Provider.TELNYX), Optional.of(NOW.minusSeconds(1)), Optional.of(NOW.plusSeconds(1)),
                Optional.of("b"));
        assertEquals(List.of(young.id()), messages.list(account, byReference, PageRequest.first(10)).items().stream()
                .map(Message::id).toList());
        assertEquals(List.of(), messages.list(AccountId.newId(NOW), MessageFilter.all(), PageRequest.first(10))
                .items(), "another account sees none of them");
    }
}
