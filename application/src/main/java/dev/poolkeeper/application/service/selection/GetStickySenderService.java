package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.selection.GetStickySenderUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

public final class GetStickySenderService implements GetStickySenderUseCase {
    private final PoolRepository pools;
    private final StickySenderRepository stickies;

    public GetStickySenderService(PoolRepository pools, StickySenderRepository stickies) {
        this.pools = pools;
        this.stickies = stickies;
    }

    @Override
    public StickyMapping getStickySender(Caller caller, PoolId poolId, PhoneNumber recipient) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        return stickies.find(poolId, recipient).orElseThrow(() -> new DomainException(
                ErrorCode.STICKY_SENDER_NOT_FOUND, recipient + " has no sticky sender in this pool"));
    }
}
