package dev.poolkeeper.application.port.in.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolId;

/** Asks for a sync of the pool now; a worker runs it. */
public interface RequestSyncUseCase {
    void requestSync(Caller caller, PoolId poolId);
}
