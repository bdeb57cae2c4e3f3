package dev.poolkeeper.domain.mothers;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Object Mother for pools. */
public final class Pools {
    public static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    public static final AccountId ACCOUNT = new AccountId("acct_test");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Pools() {
    }

    public static NumberPool aPool() {
        return NumberPool.create(ACCOUNT, PoolPatch.named(new PoolName("pool-" + SEQ.incrementAndGet())), NOW);
    }

    public static NumberPool aTwoWayPool() {
        PoolPatch p = PoolPatch.named(new PoolName("two-way-" + SEQ.incrementAndGet()));
        p = new PoolPatch(p.name(), null, null, null, null, null, null, null, null, null, null, Update.to(true),
                null, null, null, null);
        return NumberPool.create(ACCOUNT, p, NOW);
    }
}
