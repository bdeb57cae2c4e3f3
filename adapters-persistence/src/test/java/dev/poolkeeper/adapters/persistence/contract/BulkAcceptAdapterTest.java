package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.selection.StickyMapping;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The statements that accept many messages at once, on the real database: all or nothing, one query each. */
class BulkAcceptAdapterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext(Map.of("poolkeeper.secrets.keys",
            "test-1:KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio="));

    private final MessageRepository messages = DB.bean(MessageRepository.class);
    private final MessageOutbox outbox = DB.bean(MessageOutbox.class);
    private final TransactionRunner tx = DB.bean(TransactionRunner.class);
    private final AccountId account = AccountId.newId(NOW);
    private final PoolId pool = PoolId.newId(NOW);

    private Message message(String to, Optional<String> key) {
        return Message.accept(account, pool, PhoneNumber.parse(to), "hi " + to,
                new Sender("+14155550101", Provider.TELNYX, Optional.of(NumberType.LONG_CODE), Reason.WEIGHTED),
                List.of(), key, new Submission(Priority.NORMAL, Optional.empty(), NOW.plus(Duration.ofHours(4)),
                        Optional.of("ref-" + to), Optional.empty()), NOW);
    }

    private static List<AccountEvent> queued(List<Message> batch) {
        return batch.stream().map(m -> AccountEvent.of(m.accountId(), EventType.MESSAGE_QUEUED, NOW,
                Map.of("message_id", m.id().value()))).toList();
    }

    @Test
    void manyMessagesAreStoredWithTheirEventsAndDeliveriesByOneCallAndFoundByTheirKeys() {
        EventEndpointRepository endpoints = DB.bean(EventEndpointRepository.class);
        EventDeliveryRepository deliveries = DB.bean(EventDeliveryRepository.class);
        URI url = URI.create("https://hooks.example.com/poolkeeper");
        EventEndpoint everything = EventEndpoint.create(account, url, Set.of(), true, NOW);
        EventEndpoint queuedOnly = EventEndpoint.create(account, url, Set.of(EventType.MESSAGE_QUEUED), true, NOW);
        EventEndpoint deliveredOnly = EventEndpoint.create(account, url, Set.of(EventType.MESSAGE_DELIVERED), true, NOW);
        EventEndpoint disabled = EventEndpoint.create(account, url, Set.of(), false, NOW);
        EventEndpoint otherAccounts = EventEndpoint.create(AccountId.newId(NOW), url, Set.of(), true, NOW);
        List.of(everything, queuedOnly, deliveredOnly, disabled, otherAccounts).forEach(endpoints::insert);
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            batch.add(message(String.format("+1212555%04d", i), i % 3 == 0 ? Optional.of("bulk-" + i)
                    : Optional.empty()));
        }
        List<AccountEvent> made = queued(batch);
        EventDelivery toCallback = EventDelivery.toCallback(account, everything.id(), made.get(7).id(),
                URI.create("https://hooks.example.com/one-message"), NOW);

        assertTrue(outbox.insertAll(batch, made, List.of(toCallback)));

        for (Message m : List.of(batch.get(0), batch.get(201), batch.get(449))) {
            Message read = messages.find(account, m.id()).orElseThrow();
            assertEquals(m.to(), read.to());
            assertEquals(m.text(), read.text());
            assertEquals(m.submission().clientReference(), read.submission().clientReference());
        }
        assertEquals(450, messages.waiting(pool));
        Map<String, Message> bound = messages.findByIdempotencyKeys(account, Set.of("bulk-0", "bulk-3", "bulk-1",
                "bulk-447"));
        assertEquals(Set.of("bulk-0", "bulk-3", "bulk-447"), bound.keySet(), "bulk-1 was never bound");
        assertEquals(batch.get(3).id(), bound.get("bulk-3").id());
        assertEquals(Map.of(), messages.findByIdempotencyKeys(AccountId.newId(NOW), Set.of("bulk-0")),
                "another account's keys are its own");
        EventRepository events = DB.bean(EventRepository.class);
        assertEquals(450, all(page -> events.list(account, page)));
        assertEquals(451, deliveriesTo(deliveries, everything), "each event, and the status callback's delivery");
        assertEquals(450, deliveriesTo(deliveries, queuedOnly));
        assertEquals(0, deliveriesTo(deliveries, deliveredOnly), "not the type it wants");
        assertEquals(0, deliveriesTo(deliveries, disabled));
        assertEquals(0, deliveries.list(otherAccounts.accountId(), otherAccounts.id(), Optional.empty(),
                PageRequest.first(PageRequest.MAX_SIZE)).items().size(), "another account's endpoint");
    }

    private long deliveriesTo(EventDeliveryRepository deliveries, EventEndpoint endpoint) {
        return all(page -> deliveries.list(account, endpoint.id(), Optional.empty(), page));
    }

    /** How many items all the pages hold. */
    private static long all(java.util.function.Function<PageRequest, Page<?>> pages) {
        long n = 0;
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<?> found = pages.apply(page);
            n += found.items().size();
            if (found.next().isEmpty()) {
                return n;
            }
            page = PageRequest.after(PageRequest.MAX_SIZE, found.next().getAsLong());
        }
    }

    @Test
    void aBoundKeyInTheBatchAnswersFalseAndStoresNoneOfItNorOfItsEvents() {
        messages.insert(message("+12125550100", Optional.of("taken")));
        List<Message> batch = List.of(message("+12125550101", Optional.empty()),
                message("+12125550102", Optional.of("taken")));
        EventEndpointRepository endpoints = DB.bean(EventEndpointRepository.class);
        EventEndpoint endpoint = EventEndpoint.create(account, URI.create("https://hooks.example.com/x"), Set.of(),
                true, NOW);
        endpoints.insert(endpoint);
        List<AccountEvent> made = queued(batch);

        assertFalse(outbox.insertAll(batch, made, List.of()));

        assertTrue(messages.find(account, batch.get(0).id()).isEmpty(), "nothing of the batch stored");
        assertEquals(1, messages.waiting(pool));
        EventRepository events = DB.bean(EventRepository.class);
        assertTrue(made.stream().allMatch(e -> events.find(account, e.id()).isEmpty()), "none of its events");
        assertEquals(0, deliveriesTo(DB.bean(EventDeliveryRepository.class), endpoint), "none of their deliveries");
    }

    @Test
    void optOutsAndStickyMappingsOfManyRecipientsAreReadInOneLookUp() {
        OptOutRepository optOuts = DB.bean(OptOutRepository.class);
        StickySenderRepository stickies = DB.bean(StickySenderRepository.class);
        PhoneNumber a = PhoneNumber.parse("+12125550100");
        PhoneNumber b = PhoneNumber.parse("+12125550101");
        PhoneNumber c = PhoneNumber.parse("+12125550102");
        optOuts.optOut(account, "list-1", b, NOW);
        optOuts.optOut(account, "list-2", c, NOW);
        PoolId mine = stored("mine");
        PoolId other = stored("other");
        stickies.put(mine, new StickyMapping(a, PhoneNumber.parse("+14155550101"), NOW, NOW));
        stickies.put(other, new StickyMapping(b, PhoneNumber.parse("+14155550102"), NOW, NOW));

        assertEquals(Set.of(b), optOuts.optedOut(account, "list-1", List.of(a, b, c)));
        assertEquals(Set.of(), optOuts.optedOut(AccountId.newId(NOW), "list-1", List.of(a, b, c)));
        Map<PhoneNumber, StickyMapping> found = stickies.findAll(mine, List.of(a, b, c));
        assertEquals(Set.of(a), found.keySet(), "b's mapping is another pool's");
        assertEquals(PhoneNumber.parse("+14155550101"), found.get(a).sender());

        stickies.put(mine, new StickyMapping(c, PhoneNumber.parse("+14155550103"), NOW, NOW));
        Instant later = NOW.plusSeconds(60);
        stickies.touchAll(mine, List.of(a, b, c), later);
        Map<PhoneNumber, StickyMapping> touched = stickies.findAll(mine, List.of(a, c));
        assertEquals(later, touched.get(a).lastUsedAt());
        assertEquals(later, touched.get(c).lastUsedAt());
        assertEquals(NOW, touched.get(a).createdAt());
        assertEquals(NOW, stickies.find(other, b).orElseThrow().lastUsedAt(), "another pool's mapping is not touched");
    }

    @Test
    void aFirstMappingLostToARivalIsReadBackAsTheRivalsEvenInsideAnOlderSnapshot() throws Exception {
        StickySenderRepository stickies = DB.bean(StickySenderRepository.class);
        PoolId pool = stored("raced");
        PhoneNumber to = PhoneNumber.parse("+12125550100");
        StickyMapping rivals = new StickyMapping(to, PhoneNumber.parse("+14155550102"), NOW, NOW);

        StickyMapping kept = tx.inTransaction(() -> {
            assertEquals(Optional.empty(), stickies.find(pool, to), "the snapshot is taken before the rival");
            try {
                CompletableFuture.runAsync(() -> stickies.insertIfAbsent(pool, rivals)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return stickies.insertIfAbsent(pool, new StickyMapping(to, PhoneNumber.parse("+14155550101"), NOW, NOW));
        });

        assertEquals(rivals.sender(), kept.sender(), "the rival's committed mapping, not the one that was refused");
        assertEquals(rivals.sender(), stickies.find(pool, to).orElseThrow().sender());
    }

    private PoolId stored(String name) {
        AccountId owner = AccountId.newId(NOW);
        DB.bean(AccountRepository.class).insert(new Account(owner, name, NOW));
        NumberPool created = NumberPool.create(owner, PoolPatch.named(new PoolName(name)), NOW);
        DB.bean(PoolRepository.class).insert(created);
        return created.id();
    }

    @Test
    void manyEventsAreAppendedInTheirOrder() {
        EventRepository events = DB.bean(EventRepository.class);
        List<AccountEvent> batch = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            batch.add(AccountEvent.of(account, EventType.MESSAGE_QUEUED, NOW, Map.of("n", i)));
        }
        events.appendAll(batch);

        List<String> listed = new ArrayList<>();
        PageRequest page = PageRequest.first(200);
        var first = events.list(account, page);
        first.items().forEach(e -> listed.add(e.id()));
        for (var next = first.next(); next.isPresent(); ) {
            var more = events.list(account, PageRequest.after(200, next.getAsLong()));
            more.items().forEach(e -> listed.add(e.id()));
            next = more.next();
        }
        assertEquals(batch.stream().map(AccountEvent::id).toList(), listed);
    }
}
