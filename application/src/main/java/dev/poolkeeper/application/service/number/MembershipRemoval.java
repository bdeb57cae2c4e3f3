package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolMembership;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The one way members leave a pool, for the bulk and the single-number remove. */
final class MembershipRemoval {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final PoolEventRepository events;
    private final TransactionRunner tx;
    private final Clock clock;

    MembershipRemoval(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                      TransactionRunner tx, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    List<MemberOutcome> remove(Caller caller, PoolId poolId, List<String> rawNumbers) {
        PoolMembership.checkBatchSize(rawNumbers.size());
        return tx.inTransaction(() -> {
            Instant now = Times.now(clock);
            NumberPool pool = pools.lock(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
            Set<PhoneNumber> inThisPool = members.findPools(pool.accountId(), PoolMembership.parsable(rawNumbers))
                    .entrySet().stream()
                    .filter(e -> e.getValue().equals(poolId))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            List<MemberOutcome> outcomes = PoolMembership.release(rawNumbers, inThisPool);
            List<PhoneNumber> removed = outcomes.stream()
                    .filter(o -> o.status() == MemberOutcome.Status.REMOVED)
                    .map(MemberOutcome::number)
                    .toList();
            if (!removed.isEmpty()) {
                int deleted = members.delete(poolId, removed);
                pool.membershipChanged(pool.numberCount() - deleted, members.providers(poolId), now);
                pools.updateMembershipSummary(pool);
                events.append(PoolEvent.of(pool, PoolEventType.NUMBERS_REMOVED, caller.keyId().value(), now,
                        Map.of("numbers", removed.stream().map(PhoneNumber::e164).toList()), null));
            }
            return outcomes;
        });
    }
}
