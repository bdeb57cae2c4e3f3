package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.pool.ListPoolOverviewsUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolsQuery;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;
import java.util.Map;

/** One page of pools, one query for their unhealthy counts, and each pool's provider parts. */
public final class ListPoolOverviewsService implements ListPoolOverviewsUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final SyncPartRepository parts;

    public ListPoolOverviewsService(PoolRepository pools, PoolMemberRepository members, SyncPartRepository parts) {
        this.pools = pools;
        this.members = members;
        this.parts = parts;
    }

    @Override
    public Page<PoolOverview> listPoolOverviews(ListPoolsQuery query) {
        Page<NumberPool> page = pools.list(query.caller().accountId(), query.filter(), query.page());
        List<PoolId> ids = page.items().stream().map(NumberPool::id).toList();
        Map<PoolId, Long> unhealthy = ids.isEmpty() ? Map.of() : members.unhealthyCounts(ids);
        return new Page<>(page.items().stream().map(p -> new PoolOverview(p, unhealthy.getOrDefault(p.id(), 0L),
                parts.parts(p.id()))).toList(), page.next());
    }
}
