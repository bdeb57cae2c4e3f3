package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.RemovalImpactUseCase;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Optional;

public final class RemovalImpactService implements RemovalImpactUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final StickySenderRepository stickies;

    public RemovalImpactService(PoolRepository pools, PoolMemberRepository members, StickySenderRepository stickies) {
        this.pools = pools;
        this.members = members;
        this.stickies = stickies;
    }

    @Override
    public RemovalImpact removalImpact(Caller caller, PoolId poolId, PhoneNumber number) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        PoolMember member = members.find(poolId, number).orElseThrow(() -> new DomainException(
                ErrorCode.NUMBER_NOT_IN_POOL, number.e164() + " is not a number of this pool"));
        Optional<String> sole = member.areaCode()
                .filter(code -> members.countWithAreaCode(poolId, member.country(), code) == 1);
        return new RemovalImpact(member, stickies.countBySender(poolId, number), sole);
    }
}
