package dev.poolkeeper.application.port.in.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.List;

/** The pool's parts at each provider, as the last sync left them (and pending when a change waits). */
public interface GetSyncStatusUseCase {
    List<SyncPart> getSyncStatus(Caller caller, PoolId poolId);
}
