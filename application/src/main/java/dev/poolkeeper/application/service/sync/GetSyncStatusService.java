package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.sync.GetSyncStatusUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every provider the pool has numbers at, as its part was last left; a part never synced yet is pending,
 * and so is an in-sync part while a sync of the pool is outstanding or running: a change committed while
 * the last sync read the pool may not be at the provider yet. (Timestamps cannot tell: a change is stamped
 * when its transaction starts, and may commit after a sync started later.)
 */
public final class GetSyncStatusService implements GetSyncStatusUseCase {
    private final PoolRepository pools;
    private final SyncPartRepository parts;
    private final SyncRequestRepository requests;

    public GetSyncStatusService(PoolRepository pools, SyncPartRepository parts, SyncRequestRepository requests) {
        this.pools = pools;
        this.parts = parts;
        this.requests = requests;
    }

    @Override
    public List<SyncPart> getSyncStatus(Caller caller, PoolId poolId) {
        NumberPool pool = pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        boolean outstanding = requests.askedAt(poolId).isPresent();
        List<SyncPart> known = new ArrayList<>();
        for (SyncPart part : parts.parts(poolId)) {
            boolean stale = part.state() == SyncState.IN_SYNC && outstanding;
            known.add(stale ? part.with(part.providerPoolId(), SyncState.PENDING, part.lastSyncedAt(),
                    part.lastError(), part.pendingOperations()) : part);
        }
        for (Provider provider : pool.providers()) {
            if (known.stream().noneMatch(p -> p.provider() == provider)) {
                known.add(SyncPart.pending(pool.accountId(), poolId, provider));
            }
        }
        known.sort(Comparator.comparing(SyncPart::provider));
        return known;
    }
}
