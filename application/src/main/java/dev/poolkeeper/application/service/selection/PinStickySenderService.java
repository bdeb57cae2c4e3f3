package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.selection.PinStickySenderUseCase;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;

public final class PinStickySenderService implements PinStickySenderUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final StickySenderRepository stickies;
    private final Clock clock;

    public PinStickySenderService(PoolRepository pools, PoolMemberRepository members,
                                  StickySenderRepository stickies, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.stickies = stickies;
        this.clock = clock;
    }

    @Override
    public StickyMapping pinStickySender(Caller caller, PoolId poolId, PhoneNumber recipient, PhoneNumber sender) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        if (members.find(poolId, sender).isEmpty()) {
            throw new DomainException(ErrorCode.STICKY_SENDER_NOT_A_MEMBER, sender + " is not a member of this pool");
        }
        Instant now = Times.now(clock);
        StickyMapping mapping = new StickyMapping(recipient, sender, now, now);
        stickies.put(poolId, mapping);
        return mapping;
    }
}
