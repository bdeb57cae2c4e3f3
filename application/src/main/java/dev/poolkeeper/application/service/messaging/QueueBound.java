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

    /** Refuses a message the pool's queue has no room for. */
    void check(NumberPool pool, PoolIndex index) {
        long now = clock.millis();
        Count count = counts.compute(pool.id(), (id, c) -> c != null && now - c.readAtMillis() < refresh.toMillis()
                ? c : new Count(messages.waiting(id), now));
        long waiting = count.waiting();
        if (waiting >= maxPerPool) {
            double rate = aggregateRate(index);
            long seconds = rate <= 0 ? 60 : (long) Math.ceil((waiting - maxPerPool + 1) / rate);
            throw new RetryLaterException(ErrorCode.QUEUE_FULL, "the pool's queue holds " + waiting
                    + " waiting messages, its bound is " + maxPerPool + "; at the pool's rate of "
                    + String.format(java.util.Locale.ROOT, "%.1f", rate) + " messages a second there is room in about "
                    + seconds + " s", Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    /**
     * Counts a message {@link #check checked} and about to be stored, so that the next check — of the same
     * batch, or of a batch accepted at the same time — counts it.
     */
    void accepted(PoolId pool) {
        counts.computeIfPresent(pool, (id, c) -> new Count(c.waiting() + 1, c.readAtMillis()));
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
