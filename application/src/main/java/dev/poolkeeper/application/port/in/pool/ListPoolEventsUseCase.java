package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolId;

/** The pool's change history, oldest first. */
public interface ListPoolEventsUseCase {
    Page<PoolEvent> listPoolEvents(Caller caller, PoolId poolId, PageRequest page);
}
