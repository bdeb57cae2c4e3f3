package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.pool.ListPoolsQuery;
import dev.poolkeeper.application.port.in.pool.ListPoolsUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.pool.NumberPool;

public final class ListPoolsService implements ListPoolsUseCase {
    private final PoolRepository pools;

    public ListPoolsService(PoolRepository pools) {
        this.pools = pools;
    }

    @Override
    public Page<NumberPool> listPools(ListPoolsQuery query) {
        return pools.list(query.caller().accountId(), query.filter(), query.page());
    }
}
