package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.selection.ResetStickySenderUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

public final class ResetStickySenderService implements ResetStickySenderUseCase {
    private final PoolRepository pools;
    private final StickySenderRepository stickies;

    public ResetStickySenderService(PoolRepository pools, StickySenderRepository stickies) {
        this.pools = pools;
        this.stickies = stickies;
    }

    @Override
    public void resetStickySender(Caller caller, PoolId poolId, PhoneNumber recipient) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        if (!stickies.delete(poolId, recipient)) {
            throw new DomainException(ErrorCode.STICKY_SENDER_NOT_FOUND,
                    recipient + " has no sticky sender in this pool");
        }
    }
}
