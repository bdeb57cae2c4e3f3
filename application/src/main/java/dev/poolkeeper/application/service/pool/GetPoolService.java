package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;

public final class GetPoolService implements GetPoolUseCase {
    private final PoolRepository pools;

    public GetPoolService(PoolRepository pools) {
        this.pools = pools;
    }

    @Override
    public NumberPool getPool(Caller caller, PoolId poolId) {
        return pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
    }
}
