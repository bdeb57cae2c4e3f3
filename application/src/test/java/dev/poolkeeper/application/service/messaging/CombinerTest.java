package dev.poolkeeper.application.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that arrive while one batch is being served are served together, each with its own result. */
class CombinerTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(6);
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aRequestAloneIsServedAtOnceOnItsCallersThread() {
        Combiner<Integer, String> combiner = new Combiner<>(requests -> {
            batches.add(List.copyOf(requests));
            return requests.stream().map(r -> "r" + r).toList();
        }, 10);

        assertEquals("r7", combiner.serve(7));
        assertEquals(List.of(List.of(7)), batches);
    }

    @Test
    void requestsQueuedWhileABatchIsServedAreServedTogetherNext() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Combiner<Integer, String> combiner = new Combiner<>(requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return requests.stream().map(r -> "r" + r).toList();
        }, 10);
        Future<String> first = callers.submit(() -> combiner.serve(0));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int request = i;
            others.add(callers.submit(() -> combiner.serve(request)));
        }
        waitUntilQueued(combiner, 5);
        releaseFirst.countDown();

        assertEquals("r0", first.get(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            assertEquals("r" + i, others.get(i - 1).get(10, TimeUnit.SECONDS), "each caller its own result");
        }
        assertEquals(2, batches.size(), "the five waiting were served in one batch: " + batches);
        assertEquals(5, batches.get(1).size());
    }

    @Test
    void aBatchNeverHoldsMoreThanItsBound() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Combiner<Integer, String> combiner = new Combiner<>(requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return requests.stream().map(r -> "r" + r).toList();
        }, 2);
        Future<String> first = callers.submit(() -> combiner.serve(0));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int request = i;
            others.add(callers.submit(() -> combiner.serve(request)));
        }
        waitUntilQueued(combiner, 5);
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<String> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertTrue(batches.stream().allMatch(b -> b.size() <= 2), "batches of at most two: " + batches);
        assertEquals(6, batches.stream().mapToInt(List::size).sum(), "each request served once: " + batches);
    }

    @Test
    void aFailureIsTheResultOfEveryRequestOfItsBatchAndOfNoOther() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("the database went away");
        Combiner<Integer, String> combiner = new Combiner<>(requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
                return List.of("r0");
            }
            if (requests.contains(3)) {
                throw failure;
            }
            return requests.stream().map(r -> "r" + r).toList();
        }, 10);
        Future<String> first = callers.submit(() -> combiner.serve(0));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int request = i;
            others.add(callers.submit(() -> combiner.serve(request)));
        }
        waitUntilQueued(combiner, 3);
        releaseFirst.countDown();

        assertEquals("r0", first.get(10, TimeUnit.SECONDS), "the batch before is untouched");
        for (Future<String> other : others) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> other.get(10, TimeUnit.SECONDS));
            assertSame(failure, e.getCause());
        }
        assertEquals("r9", combiner.serve(9), "the next batch is served as usual");
    }

    private static void waitUntilQueued(Combiner<?, ?> combiner, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (combiner.queued() < n) {
            assertTrue(System.nanoTime() < until, "the callers did not queue");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
