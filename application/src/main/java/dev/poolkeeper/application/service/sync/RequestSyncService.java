package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.sync.RequestSyncUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

public final class RequestSyncService implements RequestSyncUseCase {
    private final PoolRepository pools;
    private final SyncRequestRepository requests;
    private final Clock clock;

    public RequestSyncService(PoolRepository pools, SyncRequestRepository requests, Clock clock) {
        this.pools = pools;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void requestSync(Caller caller, PoolId poolId) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        requests.request(caller.accountId(), poolId, Times.now(clock));
    }
}
