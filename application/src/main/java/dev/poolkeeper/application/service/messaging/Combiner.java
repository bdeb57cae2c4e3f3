package dev.poolkeeper.application.service.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Serves requests that arrive together as one batch (flat combining): a caller queues its request, and
 * whoever holds the turn serves every request queued so far, up to {@code maxBatch}, with one call of
 * {@code serveAll}; the other callers wait for their result, or for the turn if theirs was not taken.
 * No thread of its own: under no concurrency each request is served alone, at once; under N concurrent
 * callers, batches of up to N form by themselves while one is being served. One batch is served at a
 * time: measured, two at once made batches half as large and each message dearer, in the service and in
 * the database, than the waiting they saved (a second batch only once 8 requests wait did no better), and
 * deciding the next batch while the one before was written did no better either: smaller batches again,
 * and the database's work per message up by a fifth or more.
 * The callers of a batch learn they are done by taking the turn in line: waking each with its result
 * instead sent them back sooner but made the next batches smaller and each message dearer (accepting at
 * 8 clients fell from 1,269 to 1,053 a second, at 32 from 1,827 to 1,278).
 *
 * @param <I> a request
 * @param <R> its result
 */
final class Combiner<I, R> {
    private final Function<List<I>, List<R>> serveAll;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Slot<I, R>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock turn = new ReentrantLock();

    /**
     * @param serveAll serves requests, answering one result per request in their order; an exception it
     *                 throws is the result of every request of that batch
     */
    Combiner(Function<List<I>, List<R>> serveAll, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one request");
        }
        this.serveAll = serveAll;
        this.maxBatch = maxBatch;
    }

    /** Serves {@code request}, alone or with others queued at the same time, and answers its result. */
    R serve(I request) {
        Slot<I, R> slot = new Slot<>(request);
        queued.add(slot);
        while (!slot.done) {
            turn.lock();
            try {
                if (!slot.done) {
                    serveQueued();
                }
            } finally {
                turn.unlock();
            }
        }
        if (slot.failure != null) {
            throw slot.failure;
        }
        return slot.result;
    }

    /** How many requests wait to be taken into a batch. */
    int queued() {
        return queued.size();
    }

    private void serveQueued() {
        List<Slot<I, R>> batch = new ArrayList<>();
        for (Slot<I, R> s; batch.size() < maxBatch && (s = queued.poll()) != null; ) {
            batch.add(s);
        }
        List<I> requests = new ArrayList<>(batch.size());
        batch.forEach(s -> requests.add(s.request));
        try {
            List<R> results = serveAll.apply(requests);
            if (results.size() != batch.size()) {
                throw new IllegalStateException(results.size() + " results for " + batch.size() + " requests");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result = results.get(i);
                batch.get(i).done = true;
            }
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            for (Slot<I, R> s : batch) {
                s.failure = failure;
                s.done = true;
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** A queued request; its result is written before {@code done}, which publishes it to the caller. */
    private static final class Slot<I, R> {
        final I request;
        R result;
        RuntimeException failure;
        volatile boolean done;

        Slot(I request) {
            this.request = request;
        }
    }
}
