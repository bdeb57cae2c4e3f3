package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.sync.GetSyncStatusUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every provider the pool has numbers at, as its part was last left; a part never synced yet is pending. */
public final class GetSyncStatusService implements GetSyncStatusUseCase {
    private final PoolRepository pools;
    private final SyncPartRepository parts;

    public GetSyncStatusService(PoolRepository pools, SyncPartRepository parts) {
        this.pools = pools;
        this.parts = parts;
    }

    @Override
    public List<SyncPart> getSyncStatus(Caller caller, PoolId poolId) {
        NumberPool pool = pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        List<SyncPart> known = new ArrayList<>(parts.parts(poolId));
        for (Provider provider : pool.providers()) {
            if (known.stream().noneMatch(p -> p.provider() == provider)) {
                known.add(SyncPart.pending(pool.accountId(), poolId, provider));
            }
        }
        known.sort(Comparator.comparing(SyncPart::provider));
        return known;
    }
}
