package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.number.UpdateMemberCommand;
import dev.poolkeeper.application.port.in.number.UpdateMemberUseCase;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolMembership;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Under the pool's row lock: the member, the change checked by {@link PoolMembership#change}, the row, an
 * event with what changed, and the pool's {@code updated_at} moved so every instance rebuilds its
 * selection index (a weight is part of the spread).
 */
public final class UpdateMemberService implements UpdateMemberUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final PoolEventRepository events;
    private final TransactionRunner tx;
    private final Clock clock;

    public UpdateMemberService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                               TransactionRunner tx, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PoolMember updateMember(UpdateMemberCommand command) {
        return tx.inTransaction(() -> {
            Instant now = Times.now(clock);
            NumberPool pool = pools.lock(command.caller().accountId(), command.poolId())
                    .orElseThrow(() -> NumberPool.notFound(command.poolId()));
            PoolMember stored = members.find(pool.id(), command.number()).orElseThrow(() -> new DomainException(
                    ErrorCode.NUMBER_NOT_IN_POOL, command.number() + " is not a member of this pool"));
            PoolMember changed = PoolMembership.change(pool.settings(), stored, command.patch(),
                    members.usLongCodeCampaignExcept(pool.id(), stored.number()));
            if (changed.equals(stored)) {
                return stored;
            }
            members.update(pool.id(), changed);
            pools.touch(pool.accountId(), pool.id(), now);
            events.append(PoolEvent.of(pool, PoolEventType.NUMBER_UPDATED, command.caller().keyId().value(), now,
                    state(stored), state(changed)));
            return changed;
        });
    }

    private static Map<String, Object> state(PoolMember m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", m.number().e164());
        s.put("weight", m.weight());
        s.put("campaign_id", m.campaign().map(CampaignId::value).orElse(null));
        s.put("two_way_capable", m.twoWayCapable());
        return s;
    }
}
