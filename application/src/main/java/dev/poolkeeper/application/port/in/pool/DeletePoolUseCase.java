package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolId;

/** Deletes a pool and its memberships; refused while deletion protection is on. */
public interface DeletePoolUseCase {
    void deletePool(Caller caller, PoolId poolId);
}
