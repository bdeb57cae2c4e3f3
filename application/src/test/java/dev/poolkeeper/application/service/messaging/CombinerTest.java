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
    private static final RuntimeException FAILURE = new IllegalStateException("the database went away");
    private final ExecutorService callers = Executors.newFixedThreadPool(6);
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /**
     * Serves "r" + request; holds the batch with request 0 until released; fails a batch with {@code failOn}.
     */
    private Combiner<Integer, String> combiner(int maxBatch, int failOn) {
        return new Combiner<>(requests -> {
            batches.add(List.copyOf(requests));
            if (requests.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            } else if (requests.contains(failOn)) {
                throw FAILURE;
            }
            return requests.stream().map(r -> "r" + r).toList();
        }, maxBatch);
    }

    /** Request 0 being served (held), requests 1..n queued behind it; then request 0 let go. */
    private List<Future<String>> queuedBehindTheFirst(Combiner<Integer, String> combiner, int n) throws Exception {
        List<Future<String>> all = new ArrayList<>();
        all.add(callers.submit(() -> combiner.serve(0)));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= n; i++) {
            int request = i;
            all.add(callers.submit(() -> combiner.serve(request)));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (combiner.queued() < n) {
            assertTrue(System.nanoTime() < until, "the callers did not queue");
            Thread.sleep(5);
        }
        releaseFirst.countDown();
        return all;
    }

    @Test
    void aRequestAloneIsServedAtOnceOnItsCallersThread() {
        assertEquals("r7", combiner(10, -1).serve(7));
        assertEquals(List.of(List.of(7)), batches);
    }

    @Test
    void requestsQueuedWhileABatchIsServedAreServedTogetherNext() throws Exception {
        List<Future<String>> results = queuedBehindTheFirst(combiner(10, -1), 5);

        for (int i = 0; i <= 5; i++) {
            assertEquals("r" + i, results.get(i).get(10, TimeUnit.SECONDS), "each caller its own result");
        }
        assertEquals(2, batches.size(), "the five waiting were served in one batch: " + batches);
        assertEquals(5, batches.get(1).size());
    }

    @Test
    void aBatchNeverHoldsMoreThanItsBound() throws Exception {
        List<Future<String>> results = queuedBehindTheFirst(combiner(2, -1), 5);
        for (Future<String> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }
        assertTrue(batches.stream().allMatch(b -> b.size() <= 2), "batches of at most two: " + batches);
        assertEquals(6, batches.stream().mapToInt(List::size).sum(), "each request served once: " + batches);
    }

    @Test
    void aFailureIsTheResultOfEveryRequestOfItsBatchAndOfNoOther() throws Exception {
        Combiner<Integer, String> combiner = combiner(10, 3);
        List<Future<String>> results = queuedBehindTheFirst(combiner, 3);

        assertEquals("r0", results.get(0).get(10, TimeUnit.SECONDS), "the batch before is untouched");
        for (Future<String> failed : results.subList(1, 4)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
            assertSame(FAILURE, e.getCause());
        }
        assertEquals("r9", combiner.serve(9), "the next batch is served as usual");
    }

    @Test
    void manyCallersAtOnceEachGetTheirOwnResultAndNoneIsLeftWaiting() throws Exception {
        Combiner<Integer, String> combiner = new Combiner<>(requests -> {
            batches.add(List.copyOf(requests));
            return requests.stream().map(r -> "r" + r).toList();
        }, 4);
        int perCaller = 2_000;
        List<Future<Integer>> callersDone = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int caller = c;
            callersDone.add(callers.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    int request = caller * perCaller + i;
                    assertEquals("r" + request, combiner.serve(request));
                }
                return perCaller;
            }));
        }
        for (Future<Integer> done : callersDone) {
            assertEquals(perCaller, done.get(60, TimeUnit.SECONDS), "a caller was left waiting");
        }
        assertEquals(6 * perCaller, batches.stream().mapToInt(List::size).sum(), "each request served once");
        assertEquals(0, combiner.queued());
        assertTrue(batches.stream().allMatch(b -> b.size() <= 4), "batches of at most four");
    }

    @Test
    void anInterruptedCallerStillGetsItsResultAndKeepsItsInterrupt() throws Exception {
        Combiner<Integer, String> combiner = combiner(10, -1);
        Future<String> first = callers.submit(() -> combiner.serve(0));
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
        Future<Boolean> interrupted = callers.submit(() -> {
            Thread.currentThread().interrupt();
            assertEquals("r1", combiner.serve(1));
            return Thread.currentThread().isInterrupted();
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (combiner.queued() < 1) {
            assertTrue(System.nanoTime() < until, "the caller did not queue");
            Thread.sleep(5);
        }
        releaseFirst.countDown();
        assertEquals("r0", first.get(10, TimeUnit.SECONDS));
        assertTrue(interrupted.get(10, TimeUnit.SECONDS), "the interrupt is kept");
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
