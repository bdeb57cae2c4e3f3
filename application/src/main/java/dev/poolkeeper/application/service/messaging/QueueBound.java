package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.Candidate;
import dev.poolkeeper.domain.selection.PoolIndex;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.RetryLaterException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pool's queue holds at most {@code maxPerPool} waiting messages; beyond it a message is refused with
 * {@code queue.full} and a {@code Retry-After} of the time the pool's numbers, at their send rates, need to
 * work the backlog down. The count is read from the database at most once a {@code refresh} per pool and
 * counted up locally in between, so the bound costs no query per message (several instances may each
 * overshoot it by what they accepted within one refresh, and a read made while a batch is being stored
 * misses that batch; a batch whose write fails stays counted until the next read).
 */
public final class QueueBound {
    private final MessageRepository messages;
    private final SendBudgets budgets;
    private final long maxPerPool;
    private final Duration refresh;
    private final Clock clock;
    private final ConcurrentHashMap<PoolId, Count> counts = new ConcurrentHashMap<>();

    private record Count(long waiting, long readAtMillis) {
    }

    public QueueBound(MessageRepository messages, SendBudgets budgets, long maxPerPool, Duration refresh,
                      Clock clock) {
        if (maxPerPool < 1) {
            throw new IllegalArgumentException("a pool's queue must hold at least one message");
        }
        this.messages = messages;
        this.budgets = budgets;
        this.maxPerPool = maxPerPool;
        this.refresh = refresh;
        this.clock = clock;
    }

    /**
     * Counts a message in its pool's queue, or refuses it when the queue has no room. Counted before it is
     * stored, so that the next message — of the same batch, or of a batch accepted at the same time — counts
     * it; the look at the count and the counting are one step.
     */
    void admit(NumberPool pool, PoolIndex index) {
        long now = clock.millis();
        long[] waiting = new long[1];
        counts.compute(pool.id(), (id, c) -> {
            Count current = c != null && now - c.readAtMillis() < refresh.toMillis() ? c
                    : new Count(messages.waiting(id), now);
            waiting[0] = current.waiting();
            return waiting[0] < maxPerPool ? new Count(waiting[0] + 1, current.readAtMillis()) : current;
        });
        if (waiting[0] >= maxPerPool) {
            double rate = aggregateRate(index);
            long seconds = rate <= 0 ? 60 : (long) Math.ceil((waiting[0] - maxPerPool + 1) / rate);
            throw new RetryLaterException(ErrorCode.QUEUE_FULL, "the pool's queue holds " + waiting[0]
                    + " waiting messages, its bound is " + maxPerPool + "; at the pool's rate of "
                    + String.format(java.util.Locale.ROOT, "%.1f", rate) + " messages a second there is room in about "
                    + seconds + " s", Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    /** The pool's send rate: the sum of its numbers' shaped rates. */
    double aggregateRate(PoolIndex index) {
        double rate = 0;
        for (Candidate c : index.members()) {
            rate += budgets.rate(c.number(), c.type()) * SendBudgets.SHAPING;
        }
        return rate;
    }
}
