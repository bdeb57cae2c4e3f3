package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.number.AddNumbersUseCase;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.MembershipSnapshot;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolMembership;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bulk add. The pool row is locked for the unit of work, so membership changes of one pool run one
 * at a time and the 10DLC campaign rule holds; the unique number-per-account key in the database
 * settles races between pools, and a number that lost such a race is reported {@code number.in_other_pool}.
 */
public final class AddNumbersService implements AddNumbersUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final PoolEventRepository events;
    private final TransactionRunner tx;
    private final Clock clock;

    public AddNumbersService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                             TransactionRunner tx, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<MemberOutcome> addNumbers(AddNumbersCommand command) {
        PoolMembership.checkBatchSize(command.numbers().size());
        return tx.inTransaction(() -> {
            Instant now = Times.now(clock);
            PoolId poolId = command.poolId();
            NumberPool pool = pools.lock(command.caller().accountId(), poolId)
                    .orElseThrow(() -> NumberPool.notFound(poolId));
            Set<PhoneNumber> numbers = PoolMembership.parsable(
                    command.numbers().stream().map(MemberRequest::rawNumber).toList());
            Map<PhoneNumber, PoolId> where = members.findPools(pool.accountId(), numbers);
            MembershipSnapshot snapshot = new MembershipSnapshot(members.findAll(poolId, where.entrySet().stream()
                    .filter(e -> e.getValue().equals(poolId)).map(Map.Entry::getKey).collect(Collectors.toSet())),
                    where.entrySet().stream().filter(e -> !e.getValue().equals(poolId))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    members.usLongCodeCampaign(poolId));
            List<MemberOutcome> outcomes = PoolMembership.admit(pool, command.numbers(), snapshot, now);

            List<PoolMember> admitted = outcomes.stream().flatMap(o -> o.addedMember().stream()).toList();
            Set<PhoneNumber> lostRace = admitted.isEmpty() ? Set.of()
                    : members.insert(pool.accountId(), poolId, admitted);
            Map<PhoneNumber, PoolId> winners = lostRace.isEmpty() ? Map.of()
                    : members.findPools(pool.accountId(), lostRace);
            List<MemberOutcome> result = new ArrayList<>(outcomes.size());
            for (MemberOutcome o : outcomes) {
                result.add(o.status() == MemberOutcome.Status.ADDED && lostRace.contains(o.number())
                        ? PoolMembership.inOtherPool(o.requested(), o.number(), winners.getOrDefault(o.number(), poolId))
                        : o);
            }
            AddedMembers.record(pools, events, pool, result.stream().flatMap(o -> o.addedMember().stream()).toList(),
                    command.caller().keyId().value(), now);
            return result;
        });
    }
}
