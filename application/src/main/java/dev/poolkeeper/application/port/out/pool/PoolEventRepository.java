package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolId;

/** A pool's change history. Events outlive their pool: the history ends with {@code pool.deleted}. */
public interface PoolEventRepository {
    void append(PoolEvent event);

    /** Every event of the pool, oldest first. */
    default Page<PoolEvent> list(PoolId poolId, PageRequest page) {
        return list(null, poolId, PoolEventQuery.all(), page);
    }

    /**
     * The account's events of the pool that the query asks for, in its order; keyset pages, the position
     * being the event's place in the history ({@code accountId} null: whichever account's).
     */
    Page<PoolEvent> list(AccountId accountId, PoolId poolId, PoolEventQuery query, PageRequest page);

    /** Whether the account has any event of the pool, also after the pool was deleted. */
    boolean hasEvents(AccountId accountId, PoolId poolId);
}
