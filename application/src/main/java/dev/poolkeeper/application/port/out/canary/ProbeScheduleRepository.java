package dev.poolkeeper.application.port.out.canary;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.ProbeSchedule;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pools' probe schedules, one per pool. */
public interface ProbeScheduleRepository {
    /** Creates or replaces the pool's schedule. */
    void put(ProbeSchedule schedule);

    Optional<ProbeSchedule> find(AccountId accountId, PoolId poolId);

    boolean delete(AccountId accountId, PoolId poolId);

    /** The schedules that probe this inbox. */
    List<ProbeSchedule> usingInbox(dev.poolkeeper.domain.canary.CanaryInboxId inboxId);

    /** Schedules of every account due at {@code now}, soonest first. */
    List<ProbeSchedule> due(Instant now, int limit);

    /**
     * Stores the schedule's new state if its next run is still {@code expectedNextRunAt}: false when another
     * instance started the run first.
     */
    boolean update(ProbeSchedule schedule, Instant expectedNextRunAt);
}
