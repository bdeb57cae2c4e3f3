package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;

/** One pool of the caller's account; {@code pool.not_found} for any other. */
public interface GetPoolUseCase {
    NumberPool getPool(Caller caller, PoolId poolId);
}
