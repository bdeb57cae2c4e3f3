package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.port.in.pool.CreatePoolCommand;
import dev.poolkeeper.application.port.in.pool.CreatePoolUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;

public final class CreatePoolService implements CreatePoolUseCase {
    private final PoolRepository pools;
    private final PoolEventRepository events;
    private final OptOutListRepository optOutLists;
    private final TransactionRunner tx;
    private final Clock clock;

    public CreatePoolService(PoolRepository pools, PoolEventRepository events, OptOutListRepository optOutLists,
                             TransactionRunner tx, Clock clock) {
        this.pools = pools;
        this.events = events;
        this.optOutLists = optOutLists;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public NumberPool createPool(CreatePoolCommand command) {
        Instant now = Times.now(clock);
        NumberPool pool = NumberPool.create(command.caller().accountId(), command.spec(), now);
        OptOutListCheck.ensureExists(optOutLists, pool);
        return tx.inTransaction(() -> {
            pools.insert(pool);
            events.append(PoolEvent.of(pool, PoolEventType.POOL_CREATED, command.caller().keyId().value(), now,
                    null, pool.snapshot()));
            return pool;
        });
    }
}
