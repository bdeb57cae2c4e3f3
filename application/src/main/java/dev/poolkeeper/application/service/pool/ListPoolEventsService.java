package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.ListPoolEventsUseCase;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolId;

public final class ListPoolEventsService implements ListPoolEventsUseCase {
    private final PoolRepository pools;
    private final PoolEventRepository events;

    public ListPoolEventsService(PoolRepository pools, PoolEventRepository events) {
        this.pools = pools;
        this.events = events;
    }

    @Override
    public Page<PoolEvent> listPoolEvents(Caller caller, PoolId poolId, PoolEventQuery query, PageRequest page) {
        if (pools.find(caller.accountId(), poolId).isEmpty() && !events.hasEvents(caller.accountId(), poolId)) {
            throw NumberPool.notFound(poolId);
        }
        return events.list(caller.accountId(), poolId, query, page);
    }
}
