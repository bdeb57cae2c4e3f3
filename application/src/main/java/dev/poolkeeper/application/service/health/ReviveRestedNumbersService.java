package dev.poolkeeper.application.service.health;

import dev.poolkeeper.application.port.in.health.ReviveRestedNumbersUseCase;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers unhealthy for at least {@code rest} go back to {@code unknown} with an empty window, a batch
 * per unit of work; rows another instance holds are skipped (it is reviving them).
 */
public final class ReviveRestedNumbersService implements ReviveRestedNumbersUseCase {
    private static final int BATCH = 100;

    private final NumberHealthRepository health;
    private final HealthChanges changes;
    private final Duration rest;
    private final TransactionRunner tx;
    private final Clock clock;

    public ReviveRestedNumbersService(NumberHealthRepository health, HealthChanges changes, Duration rest,
                                      TransactionRunner tx, Clock clock) {
        this.health = health;
        this.changes = changes;
        this.rest = Objects.requireNonNull(rest, "rest");
        if (rest.isNegative()) {
            throw new IllegalArgumentException("the rest period must not be negative");
        }
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public int reviveRestedNumbers() {
        int total = 0;
        for (int revived = reviveBatch(); revived > 0; revived = reviveBatch()) {
            total += revived;
            if (revived < BATCH) {
                break;
            }
        }
        return total;
    }

    private int reviveBatch() {
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            List<NumberHealthRepository.Rested> rested = health.lockRested(now.minus(rest), BATCH);
            for (NumberHealthRepository.Rested r : rested) {
                health.save(r.accountId(), r.number(), NumberHealth.UNKNOWN, HealthWindow.empty(), now);
                changes.changed(r.accountId(), r.poolId(), r.number(), NumberHealth.UNHEALTHY, NumberHealth.UNKNOWN,
                        Map.of("reason", "rested", "rested_for", rest.toString()), now);
            }
            return rested.size();
        });
    }
}
