package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.GetNumberUseCase;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

public final class GetNumberService implements GetNumberUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;

    public GetNumberService(PoolRepository pools, PoolMemberRepository members) {
        this.pools = pools;
        this.members = members;
    }

    @Override
    public PoolMember getNumber(Caller caller, PoolId poolId, PhoneNumber number) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        return members.find(poolId, number).orElseThrow(() ->
                new DomainException(ErrorCode.NUMBER_NOT_IN_POOL, number + " is not in this pool"));
    }
}
