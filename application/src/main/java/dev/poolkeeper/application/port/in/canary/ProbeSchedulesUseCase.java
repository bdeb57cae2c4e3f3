package dev.poolkeeper.application.port.in.canary;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.ProbeSchedule;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Duration;

/** A pool's probes on a schedule: one per pool; the first run is due at once. */
public interface ProbeSchedulesUseCase {
    ProbeSchedule putProbeSchedule(Caller caller, PoolId poolId, CanaryInboxId inboxId, int sample, Duration interval);

    /** {@code probe_schedule.not_found} when the pool has none. */
    ProbeSchedule getProbeSchedule(Caller caller, PoolId poolId);

    void deleteProbeSchedule(Caller caller, PoolId poolId);

    /** Starts every due schedule's run (the background round); how many ran. */
    int runDueProbeSchedules();
}
