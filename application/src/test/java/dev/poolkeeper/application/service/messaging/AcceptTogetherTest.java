package dev.poolkeeper.application.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemoryEvents;
import dev.poolkeeper.application.fakes.InMemoryMessages;
import dev.poolkeeper.application.fakes.InMemoryOutbox;
import dev.poolkeeper.application.fakes.InMemorySelectionState;
import dev.poolkeeper.application.fakes.InMemorySyncParts;
import dev.poolkeeper.application.fakes.MovableClock;
import dev.poolkeeper.application.fakes.NoEventEndpoints;
import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase.BatchItem;
import dev.poolkeeper.application.port.in.messaging.SendOptions;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.service.ServiceFixture;
import dev.poolkeeper.application.service.event.CallbackSigners;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.selection.PoolIndexCache;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Messages accepted together — a batch's items, and single messages that arrive at once — give the results
 * of accepting them one after the other, with the database work shared.
 */
class AcceptTogetherTest {
    private static final NoEventEndpoints NO_ENDPOINTS = new NoEventEndpoints();
    private final ServiceFixture f = new ServiceFixture();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:15:00Z"));
    /** Opt-out look-ups, each a query on the database: one per pool of a batch. */
    private final AtomicInteger optOutLookUps = new AtomicInteger();
    private final InMemorySelectionState state = new InMemorySelectionState() {
        @Override
        public Set<PhoneNumber> optedOut(AccountId accountId, String listKey, Collection<PhoneNumber> numbers) {
            optOutLookUps.incrementAndGet();
            return super.optedOut(accountId, listKey, numbers);
        }
    };
    private final InMemoryMessages messages = new InMemoryMessages();
    private final InMemoryEvents events = new InMemoryEvents();
    private final MessageStore store = InMemoryOutbox.messageStore(messages, events, f.tx);
    private final SendBudgets budgets = new SendBudgets(Map.of(NumberType.LONG_CODE, 1.0), clock);
    private final SenderDecisions decisions = new SenderDecisions(f.store, new PoolIndexCache(f.store), state, state,
            budgets, clock);

    private AcceptMessageService accept(int queueBound) {
        return accept(queueBound, store);
    }

    private AcceptMessageService accept(int queueBound, MessageStore store) {
        return new AcceptMessageService(decisions, messages, store, new InMemorySyncParts(),
                ProviderPorts.instanceOnly(List.of(), List.of()),
                new QueueBound(messages, budgets, queueBound, Duration.ofSeconds(1), clock),
                new CallbackSigners(NO_ENDPOINTS), clock);
    }

    private int numbersAdded;

    private NumberPool pool(String name, boolean sticky, int numbers) {
        NumberPool pool = f.pool(f.alice, name);
        List<MemberRequest> members = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            members.add(new MemberRequest(Numbers.usNumber(numbersAdded++), Provider.TELNYX, NumberType.LONG_CODE,
                    Numbers.CAMPAIGN, false, 1));
        }
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), members));
        if (sticky) {
            f.stickySender(pool);
        }
        return pool;
    }

    private static SendMessageCommand message(ServiceFixture f, NumberPool pool, String to, String text,
                                              Optional<String> key) {
        return new SendMessageCommand(f.alice, pool.id(), PhoneNumber.parse(to), text, key,
                new SendOptions(Priority.NORMAL, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
    }

    private static Message stored(BatchItem item) {
        return item.result().orElseThrow().message().orElseThrow();
    }

    @Test
    void aBatchIsDecidedOnOneReadPerPoolAndStoredInOneWrite() {
        NumberPool first = pool("first", false, 3);
        NumberPool second = pool("second", false, 3);
        List<SendMessageCommand> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(message(f, i % 2 == 0 ? first : second, "+1212555010" + i, "hello " + i, Optional.empty()));
        }
        int unitsBefore = f.tx.units();
        int lookUpsBefore = optOutLookUps.get();

        List<BatchItem> results = accept(1000).sendBatch(batch);

        assertEquals(6, results.size());
        for (int i = 0; i < 6; i++) {
            Message m = stored(results.get(i));
            assertEquals("hello " + i, m.text(), "results keep the items' order");
            assertEquals((i % 2 == 0 ? first : second).id(), m.poolId());
        }
        assertEquals(List.of(6), messages.batches, "all six stored by one write of the outbox");
        assertEquals(6, events.types().stream().filter(t -> t == EventType.MESSAGE_QUEUED).count(),
                "each message has its message.queued event");
        assertEquals(2, optOutLookUps.get() - lookUpsBefore, "one opt-out look-up for each pool");
        assertEquals(0, f.tx.units() - unitsBefore,
                "no unit of work: the reads outside any transaction, the write the outbox's own");
    }

    @Test
    void aKeyNamedTwiceInABatchLeadsBackToTheFirstItemsMessageAndAnotherMessageUnderItIsRefused() {
        NumberPool pool = pool("keys", false, 2);
        List<BatchItem> results = accept(1000).sendBatch(List.of(
                message(f, pool, "+12125550100", "code 1234", Optional.of("k-1")),
                message(f, pool, "+12125550100", "code 1234", Optional.of("k-1")),
                message(f, pool, "+12125550199", "something else", Optional.of("k-1")),
                message(f, pool, "+12125550101", "other", Optional.of("k-2"))));

        assertEquals(stored(results.get(0)).id(), stored(results.get(1)).id(), "the retry leads to the first");
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, results.get(2).error().orElseThrow().code());
        assertEquals("other", stored(results.get(3)).text());
        assertEquals(List.of(2), messages.batches, "two messages stored");
    }

    @Test
    void aPoolsQueueBoundCountsTheItemsBeforeInTheSameBatch() {
        NumberPool pool = pool("bounded", false, 1);
        List<SendMessageCommand> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(message(f, pool, "+1212555010" + i, "m" + i, Optional.empty()));
        }
        List<BatchItem> results = accept(3).sendBatch(batch);

        for (int i = 0; i < 3; i++) {
            assertTrue(results.get(i).result().isPresent(), "item " + i + " has room");
        }
        for (int i = 3; i < 5; i++) {
            assertEquals(ErrorCode.QUEUE_FULL, results.get(i).error().orElseThrow().code(), "item " + i);
        }
        assertEquals(List.of(3), messages.batches);
    }

    @Test
    void anOptedOutRecipientIsRefusedAndTheOthersOfItsBatchAreAccepted() {
        NumberPool pool = pool("optouts", false, 2);
        state.optOut(f.alice.accountId(), pool.optOutListKey(), PhoneNumber.parse("+12125550101"));
        List<BatchItem> results = accept(1000).sendBatch(List.of(
                message(f, pool, "+12125550100", "a", Optional.empty()),
                message(f, pool, "+12125550101", "b", Optional.empty()),
                message(f, pool, "+12125550102", "c", Optional.empty())));

        assertTrue(results.get(0).result().orElseThrow().message().isPresent());
        assertTrue(results.get(1).result().orElseThrow().refusal().isPresent(), "the opted-out recipient");
        assertTrue(results.get(2).result().orElseThrow().message().isPresent());
        assertEquals(List.of(2), messages.batches);
    }

    @Test
    void aRecipientNamedTwiceInAStickyPoolsBatchGetsOneSender() {
        NumberPool pool = pool("sticky", true, 5);
        List<SendMessageCommand> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(message(f, pool, i % 2 == 0 ? "+12125550100" : "+12125550101", "m" + i, Optional.empty()));
        }
        List<BatchItem> results = accept(1000).sendBatch(batch);

        Set<String> toFirst = new HashSet<>();
        Set<String> toSecond = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? toFirst : toSecond).add(stored(results.get(i)).sender().from());
        }
        assertEquals(1, toFirst.size(), "one sender for the first recipient: " + toFirst);
        assertEquals(1, toSecond.size(), "one sender for the second recipient: " + toSecond);
        assertEquals(toFirst.iterator().next(), state.find(pool.id(), PhoneNumber.parse("+12125550100"))
                .orElseThrow().sender().e164(), "and it is the mapping stored");
    }

    @Test
    void singleMessagesSentAtOnceAreEachStoredOnceWithTheirOwnResult() throws Exception {
        NumberPool pool = pool("together", false, 4);
        AcceptMessageService service = accept(100_000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Message>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "single " + i;
                String to = String.format("+1212555%04d", i);
                Callable<Message> one = () -> service.sendMessage(message(f, pool, to, text, Optional.empty()))
                        .message().orElseThrow();
                sent.add(threads.submit(one));
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Message m = sent.get(i).get();
                assertEquals("single " + i, m.text(), "each caller gets its own message");
                ids.add(m.id().value());
            }
            assertEquals(200, ids.size());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(200, messages.writes.size(), "every message stored once");
        assertEquals(200, messages.batches.stream().mapToInt(Integer::intValue).sum());
        assertEquals(200, events.types().stream().filter(t -> t == EventType.MESSAGE_QUEUED).count());
    }

    @Test
    void twoBatchesAcceptedAtTheSameTimeCountEachOthersMessagesInTheQueueBound() throws Exception {
        NumberPool pool = pool("bounded-together", false, 2);
        CountDownLatch secondWriting = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        InMemoryOutbox outbox = new InMemoryOutbox(messages, events, NO_ENDPOINTS);
        MessageOutbox heldFirst = (ms, made, further) -> {
            if (writes.getAndIncrement() == 0) {
                try {
                    secondWriting.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                secondWriting.countDown();
            }
            return outbox.insertAll(ms, made, further);
        };
        AcceptMessageService service = accept(50, new MessageStore(messages, heldFirst, events,
                new CallbackSigners(NO_ENDPOINTS), NO_ENDPOINTS, f.tx));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<BatchItem>>> batches = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                List<SendMessageCommand> batch = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    batch.add(message(f, pool, String.format("+1212555%02d%02d", b, i), "bulk", Optional.empty()));
                }
                batches.add(threads.submit(() -> service.sendBatch(batch)));
            }
            int accepted = 0;
            for (Future<List<BatchItem>> batch : batches) {
                for (BatchItem item : batch.get(30, TimeUnit.SECONDS)) {
                    if (item.result().isPresent()) {
                        accepted++;
                    } else {
                        assertEquals(ErrorCode.QUEUE_FULL, item.error().orElseThrow().code());
                    }
                }
            }
            assertEquals(2, writes.get(), "both batches wrote, the first held until the second was decided");
            assertEquals(50, accepted, "the second batch counted the first's messages, still being stored");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(50, messages.writes.size());
    }
}
