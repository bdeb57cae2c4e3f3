package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's history that also tells the account's application what it must know: a health change, a failed
 * sync, a drift found (and repaired by the sync that found it), a canary inbox paused (its coming end is told to
 * the account directly, once, whether pools use it or not). Each
 * such pool event makes an account event in the same unit of work, with the pool event's before and after.
 */
public final class PoolEventsToAccountEvents implements PoolEventRepository {
    private final PoolEventRepository history;
    private final EventRepository events;

    public PoolEventsToAccountEvents(PoolEventRepository history, EventRepository events) {
        this.history = history;
        this.events = events;
    }

    /** The account event a pool event of this type makes, if any. */
    static Optional<EventType> typeOf(dev.poolkeeper.domain.pool.PoolEventType type) {
        return Optional.ofNullable(switch (type) {
            case NUMBER_HEALTH_CHANGED -> EventType.NUMBER_HEALTH_CHANGED;
            case SYNC_FAILED -> EventType.POOL_SYNC_FAILED;
            case SYNC_DRIFT_DETECTED -> EventType.POOL_DRIFT_REPAIRED;
            case CANARY_INBOX_PAUSED -> EventType.CANARY_INBOX_PAUSED;
            default -> null;
        });
    }

    @Override
    public void append(PoolEvent event) {
        history.append(event);
        typeOf(event.type()).ifPresent(type -> {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("pool_id", event.poolId().value());
            pool.put("pool_event_id", event.id());
            pool.put("before", event.before());
            pool.put("after", event.after());
            events.append(AccountEvent.of(event.accountId(), type, event.occurredAt(), Map.of("pool", pool)));
        });
    }

    @Override
    public Page<PoolEvent> list(AccountId accountId, PoolId poolId, PoolEventQuery query, PageRequest page) {
        return history.list(accountId, poolId, query, page);
    }

    @Override
    public boolean hasEvents(AccountId accountId, PoolId poolId) {
        return history.hasEvents(accountId, poolId);
    }
}
