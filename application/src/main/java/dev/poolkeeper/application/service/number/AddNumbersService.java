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
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
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
    private final BiFunction<AccountId, ConnectionId, Optional<ProviderConnection>> connections;

    /** For an instance whose accounts name no connections: a member naming one is refused. */
    public AddNumbersService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                             TransactionRunner tx, Clock clock) {
        this(pools, members, events, tx, clock, (account, id) -> Optional.empty());
    }

    /** @param connections an account's connection by id, for members that name the one they belong to */
    public AddNumbersService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                             TransactionRunner tx, Clock clock,
                             BiFunction<AccountId, ConnectionId, Optional<ProviderConnection>> connections) {
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.connections = connections;
    }

    /** Each named connection is the account's and is to the member's provider; 400 naming the item otherwise. */
    private void checkConnections(AccountId account, List<MemberRequest> requests) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            MemberRequest r = requests.get(i);
            if (r.connection().isEmpty()) {
                continue;
            }
            Optional<ProviderConnection> named = connections.apply(account, r.connection().get());
            if (named.isEmpty()) {
                violations.add(FieldViolation.invalid("numbers[" + i + "].connection_id",
                        "no provider connection " + r.connection().get().value() + " in this account"));
            } else if (named.get().provider() != r.provider()) {
                violations.add(FieldViolation.invalid("numbers[" + i + "].connection_id", "is a "
                        + named.get().provider().wireName() + " connection, not " + r.provider().wireName()));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException(ErrorCode.REQUEST_INVALID, "a named connection does not fit its number",
                    violations);
        }
    }

    @Override
    public List<MemberOutcome> addNumbers(AddNumbersCommand command) {
        PoolMembership.checkBatchSize(command.numbers().size());
        checkConnections(command.caller().accountId(), command.numbers());
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
                    members.usLongCodeCampaign(poolId), members.connections(poolId));
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
