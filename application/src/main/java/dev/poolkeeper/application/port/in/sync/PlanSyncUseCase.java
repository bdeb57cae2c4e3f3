package dev.poolkeeper.application.port.in.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;

/** A dry run: reads every provider the pool is at and says what a sync would do; writes nothing. */
public interface PlanSyncUseCase {
    List<PartPlan> planSync(Caller caller, PoolId poolId);
}
