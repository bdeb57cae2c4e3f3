package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The outbox trigger. Every change a provider must follow (a pool created, updated or deleted, numbers
 * added or removed) is already written as a pool event in the unit of work that makes it; this event log
 * also writes the pool's sync request there, so the request commits or rolls back with the change, and
 * no service can make such a change without asking for a sync.
 */
public final class SyncRequestingEvents implements PoolEventRepository {
    private static final Set<PoolEventType> MIRRORED = EnumSet.of(PoolEventType.POOL_CREATED,
            PoolEventType.POOL_UPDATED, PoolEventType.POOL_DELETED, PoolEventType.NUMBERS_ADDED,
            PoolEventType.NUMBERS_REMOVED);

    private final PoolEventRepository events;
    private final SyncRequestRepository requests;

    public SyncRequestingEvents(PoolEventRepository events, SyncRequestRepository requests) {
        this.events = events;
        this.requests = requests;
    }

    @Override
    public void append(PoolEvent event) {
        events.append(event);
        if (MIRRORED.contains(event.type())) {
            requests.requestAfterChange(event.accountId(), event.poolId(), event.occurredAt());
        }
    }

    @Override
    public Page<PoolEvent> list(AccountId accountId, PoolId poolId, PoolEventQuery query, PageRequest page) {
        return events.list(accountId, poolId, query, page);
    }

    @Override
    public boolean hasEvents(AccountId accountId, PoolId poolId) {
        return events.hasEvents(accountId, poolId);
    }
}
