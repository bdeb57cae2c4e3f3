package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository.Leased;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox on the real database: leases are exclusive, run out, and a request asked again survives. */
class SyncOutboxAdapterTest {
    private static final AccountId ACCOUNT = new AccountId("acct_outbox");
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();
    private static SyncRequestRepository requests;

    @BeforeAll
    static void start() {
        requests = DB.bean(SyncRequestRepository.class);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<PoolId> pools(int count) {
        List<PoolId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PoolId id = PoolId.newId(now());
            requests.request(ACCOUNT, id, now().minusSeconds(1));
            ids.add(id);
        }
        return ids;
    }

    private static void drain() {
        for (Leased l : requests.lease("drainer", 1000, now().plusSeconds(3600), Duration.ofMinutes(1))) {
            requests.complete(l, "drainer");
        }
    }

    @Test
    void twoWorkersLeasingAtOnceGetDisjointPools() throws Exception {
        drain();
        List<PoolId> ids = pools(20);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<List<Leased>> a = two.submit(() -> {
                together.await();
                return requests.lease("a", 15, now(), Duration.ofMinutes(1));
            });
            Future<List<Leased>> b = two.submit(() -> {
                together.await();
                return requests.lease("b", 15, now(), Duration.ofMinutes(1));
            });
            Set<PoolId> first = new HashSet<>();
            a.get().forEach(l -> first.add(l.poolId()));
            Set<PoolId> second = new HashSet<>();
            b.get().forEach(l -> second.add(l.poolId()));
            Set<PoolId> both = new HashSet<>(first);
            both.retainAll(second);
            assertEquals(Set.of(), both, "no pool is leased twice");
            // a locking read may lock more rows than it returns (a sort over a scan), so one worker can come
            // back empty-handed; what it skipped is there for the next round
            Set<PoolId> rest = new HashSet<>();
            requests.lease("c", 20, now(), Duration.ofMinutes(1)).forEach(l -> rest.add(l.poolId()));
            assertEquals(Set.of(), intersection(rest, union(first, second)), "a held lease is never handed out");
            assertEquals(Set.copyOf(ids), union(union(first, second), rest), "and none is left out");
        } finally {
            two.shutdownNow();
        }
    }

    private static Set<PoolId> intersection(Set<PoolId> a, Set<PoolId> b) {
        Set<PoolId> common = new HashSet<>(a);
        common.retainAll(b);
        return common;
    }

    private static Set<PoolId> union(Set<PoolId> a, Set<PoolId> b) {
        Set<PoolId> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aLeaseThatRunsOutFreesThePoolAndOnlyItsOwnerRenewsIt() {
        drain();
        PoolId pool = pools(1).get(0);
        Instant start = now();
        Leased held = requests.lease("dying", 10, start, Duration.ofSeconds(30)).get(0);
        assertEquals(List.of(), requests.lease("other", 10, start.plusSeconds(29), Duration.ofMinutes(1)),
                "leased: nothing due");
        assertFalse(requests.renew(held, "other", start.plusSeconds(60)));
        Leased taken = requests.lease("other", 10, start.plusSeconds(31), Duration.ofMinutes(1)).get(0);
        assertEquals(pool, taken.poolId());
        assertFalse(requests.renew(held, "dying", now().plusSeconds(60)), "the dead owner lost it");
        assertTrue(requests.renew(taken, "other", now().plusSeconds(60)));
        requests.complete(taken, "other");
        assertEquals(List.of(), requests.lease("x", 10, now().plusSeconds(3600), Duration.ofMinutes(1)));
    }

    @Test
    void aRequestAskedAgainWhileLeasedStaysForAnotherRun() {
        drain();
        PoolId pool = pools(1).get(0);
        Leased first = requests.lease("w", 10, now(), Duration.ofMinutes(1)).get(0);
        requests.request(ACCOUNT, pool, now());
        assertTrue(requests.askedAt(pool).isPresent());
        requests.complete(first, "w");
        List<Leased> again = requests.lease("w", 10, now().plusSeconds(1), Duration.ofMinutes(1));
        assertEquals(List.of(pool), again.stream().map(Leased::poolId).toList(), "due again, unleased");
        requests.complete(again.get(0), "w");
        assertTrue(requests.askedAt(pool).isEmpty(), "done when nothing new was asked");
    }

    @Test
    void aRequestGivenBackIsDueOnlyWhenItsRetryTimeComes() {
        drain();
        PoolId pool = pools(1).get(0);
        Leased held = requests.lease("w", 10, now(), Duration.ofMinutes(1)).get(0);
        requests.retryLater(held, "w", now().plusSeconds(30));
        assertEquals(List.of(), requests.lease("w", 10, now(), Duration.ofMinutes(1)));
        assertEquals(List.of(pool), requests.lease("w", 10, now().plusSeconds(31), Duration.ofMinutes(1)).stream()
                .map(Leased::poolId).toList());
    }
}
