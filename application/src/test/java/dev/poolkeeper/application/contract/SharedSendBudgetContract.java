package dev.poolkeeper.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every shared send budget must do: in memory and on MySQL. */
public abstract class SharedSendBudgetContract {
    private static final Instant T = Instant.parse("2026-11-23T10:15:00.250Z").truncatedTo(ChronoUnit.MICROS);

    protected abstract SharedSendBudget budget();

    private static PhoneNumber freshNumber() {
        return PhoneNumber.parse(String.format("+1415%03d%04d", 200 + ThreadLocalRandom.current().nextInt(700),
                ThreadLocalRandom.current().nextInt(10_000)));
    }

    @Test
    void aNewNumberStartsFullAndRefillsAtItsRate() {
        PhoneNumber number = freshNumber();
        assertTrue(budget().tryTake(number, 1, 1, T));
        assertFalse(budget().tryTake(number, 1, 1, T), "a long code: one a second");
        assertFalse(budget().tryTake(number, 1, 1, T.plusMillis(500)));
        assertTrue(budget().tryTake(number, 1, 1, T.plusMillis(1000)));
        assertFalse(budget().tryTake(number, 1, 1, T.plusMillis(1000)));
        assertTrue(budget().tryTake(number, 1, 1, T.plusSeconds(60)));
        assertFalse(budget().tryTake(number, 1, 1, T.plusSeconds(60)), "holds at most its capacity");
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverAboveCapacity() {
        PhoneNumber number = freshNumber();
        assertTrue(budget().tryTake(number, 1, 1, T));
        budget().giveBack(number, 1);
        assertTrue(budget().tryTake(number, 1, 1, T), "the send never left: its token is back");
        budget().giveBack(number, 1);
        budget().giveBack(number, 1);
        assertTrue(budget().tryTake(number, 1, 1, T));
        assertFalse(budget().tryTake(number, 1, 1, T), "never above capacity");
    }

    @Test
    void aBucketHoldsItsCapacityAndAnEarlierClockTakesNothingExtra() {
        PhoneNumber number = freshNumber();
        int taken = 0;
        while (taken < 100 && budget().tryTake(number, 20, 20, T)) {
            taken++;
        }
        assertEquals(20, taken, "a toll-free number: 20 at once");
        assertFalse(budget().tryTake(number, 20, 20, T.minusSeconds(5)), "another instance's clock behind");
        assertTrue(budget().tryTake(number, 20, 20, T.plusMillis(50)), "one more after 1/20 s");
    }

    @Test
    void concurrentTakesNeverExceedTheBucket() throws Exception {
        PhoneNumber number = freshNumber();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    int granted = 0;
                    for (int i = 0; i < 15; i++) {
                        granted += budget().tryTake(number, 10, 10, T) ? 1 : 0;
                    }
                    return granted;
                }));
            }
            int granted = 0;
            for (Future<Integer> f : workers) {
                granted += f.get();
            }
            assertEquals(10, granted, "60 tries at one instant, a bucket of 10");
        } finally {
            pool.shutdownNow();
        }
    }
}
