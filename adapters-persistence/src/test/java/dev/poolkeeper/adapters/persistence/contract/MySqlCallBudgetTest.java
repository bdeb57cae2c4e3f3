package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.cluster.SharedCallBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calls a provider key allows, shared through the database by every instance. */
class MySqlCallBudgetTest {
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    @Test
    void aKeyGivesItsCapacityThenRefillsAtItsRateAndKeysAreApart() {
        SharedCallBudget calls = DB.bean(SharedCallBudget.class);
        String key = "inbox-reads:" + UUID.randomUUID();
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        assertTrue(calls.tryTake(key, 0.5, 2, t));
        assertTrue(calls.tryTake(key, 0.5, 2, t));
        assertFalse(calls.tryTake(key, 0.5, 2, t), "the burst is spent");
        assertFalse(calls.tryTake(key, 0.5, 2, t.plusMillis(1_900)), "half a call a second: not yet");
        assertTrue(calls.tryTake(key, 0.5, 2, t.plusSeconds(2)));
        assertTrue(calls.tryTake("inbox-reads:" + UUID.randomUUID(), 0.5, 2, t), "another key has its own");
    }

    @Test
    void concurrentCallersNeverTakeMoreThanTheBucketHolds() throws Exception {
        SharedCallBudget calls = DB.bean(SharedCallBudget.class);
        String key = "inbox-reads:" + UUID.randomUUID();
        Instant t = Instant.parse("2026-12-03T11:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                takes.add(pool.submit(() -> calls.tryTake(key, 0.001, 5, t)));
            }
            int taken = 0;
            for (Future<Boolean> take : takes) {
                taken += take.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(5, taken);
        } finally {
            pool.shutdownNow();
        }
    }
}
