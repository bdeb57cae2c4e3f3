package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.sync.PartPlan;
import dev.poolkeeper.application.port.in.sync.PlanSyncUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;

public final class PlanSyncService implements PlanSyncUseCase {
    private final PoolRepository pools;
    private final PoolSyncer syncer;

    public PlanSyncService(PoolRepository pools, PoolSyncer syncer) {
        this.pools = pools;
        this.syncer = syncer;
    }

    @Override
    public List<PartPlan> planSync(Caller caller, PoolId poolId) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        return syncer.plan(caller.accountId(), poolId);
    }
}
