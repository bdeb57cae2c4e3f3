package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.in.number.RemoveNumbersCommand;
import dev.poolkeeper.application.port.in.number.RemoveNumbersUseCase;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.MemberOutcome;
import java.time.Clock;
import java.util.List;

public final class RemoveNumbersService implements RemoveNumbersUseCase {
    private final MembershipRemoval removal;

    public RemoveNumbersService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                                TransactionRunner tx, Clock clock) {
        this.removal = new MembershipRemoval(pools, members, events, tx, clock);
    }

    @Override
    public List<MemberOutcome> removeNumbers(RemoveNumbersCommand command) {
        return removal.remove(command.caller(), command.poolId(), command.numbers());
    }
}
