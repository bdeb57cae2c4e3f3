package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.number.ListNumbersQuery;
import dev.poolkeeper.application.port.in.number.ListNumbersUseCase;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;

public final class ListNumbersService implements ListNumbersUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;

    public ListNumbersService(PoolRepository pools, PoolMemberRepository members) {
        this.pools = pools;
        this.members = members;
    }

    @Override
    public Page<PoolMember> listNumbers(ListNumbersQuery query) {
        pools.find(query.caller().accountId(), query.poolId()).orElseThrow(() -> NumberPool.notFound(query.poolId()));
        return members.list(query.poolId(), query.filter(), query.page());
    }
}
