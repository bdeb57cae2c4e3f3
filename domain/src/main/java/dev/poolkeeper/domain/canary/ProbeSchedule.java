package dev.poolkeeper.domain.canary;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool's probes on a schedule: every {@code interval}, a sample of its numbers probes the inbox. One per
 * pool; {@code nextRunAt} moves forward before a run starts, so one instance runs it.
 *
 * @param lastResult what the last run did (how many probes it sent, or why it sent none)
 */
public record ProbeSchedule(AccountId accountId, PoolId poolId, CanaryInboxId inboxId, int sample,
                            Duration interval, Instant nextRunAt, Optional<Instant> lastRunAt,
                            Optional<String> lastResult, Instant createdAt, Instant updatedAt) {
    public ProbeSchedule {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(inboxId, "inboxId");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
        Objects.requireNonNull(lastResult, "lastResult");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The run that starts now: the next one is an interval later. */
    public ProbeSchedule started(Instant now) {
        return new ProbeSchedule(accountId, poolId, inboxId, sample, interval, now.plus(interval), Optional.of(now),
                lastResult, createdAt, now);
    }

    public ProbeSchedule finished(String result, Instant now) {
        return new ProbeSchedule(accountId, poolId, inboxId, sample, interval, nextRunAt, lastRunAt,
                Optional.of(result), createdAt, now);
    }
}
