package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.RemoveNumberUseCase;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import java.time.Clock;
import java.util.List;

public final class RemoveNumberService implements RemoveNumberUseCase {
    private final MembershipRemoval removal;

    public RemoveNumberService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                               TransactionRunner tx, Clock clock) {
        this.removal = new MembershipRemoval(pools, members, events, tx, clock);
    }

    @Override
    public void removeNumber(Caller caller, PoolId poolId, PhoneNumber number) {
        MemberOutcome outcome = removal.remove(caller, poolId, List.of(number.e164())).get(0);
        if (!outcome.status().isSuccess()) {
            throw new DomainException(outcome.code(), outcome.message());
        }
    }
}
