package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolId;

/**
 * The pool's change history, filtered and in the order the query asks for. It outlives the pool: after a
 * delete it answers with the events up to and including {@code pool.deleted}.
 */
public interface ListPoolEventsUseCase {
    Page<PoolEvent> listPoolEvents(Caller caller, PoolId poolId, PoolEventQuery query, PageRequest page);
}
