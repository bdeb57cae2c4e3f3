package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.DeletePoolUseCase;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;

/** Deletes the pool and its memberships; its numbers are free to join another pool. Events are kept. */
public final class DeletePoolService implements DeletePoolUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final PoolEventRepository events;
    private final TransactionRunner tx;
    private final Clock clock;

    public DeletePoolService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                             TransactionRunner tx, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void deletePool(Caller caller, PoolId poolId) {
        Instant now = Times.now(clock);
        tx.run(() -> {
            NumberPool pool = pools.lock(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
            pool.ensureDeletable();
            events.append(PoolEvent.of(pool, PoolEventType.POOL_DELETED, caller.keyId().value(), now,
                    pool.snapshot(), null));
            members.deleteAll(poolId);
            pools.delete(pool);
        });
    }
}
