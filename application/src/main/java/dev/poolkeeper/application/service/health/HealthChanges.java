package dev.poolkeeper.application.service.health;

import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a change of a number's health does besides storing it: moves the pool's {@code updated_at}, so
 * every instance rebuilds its selection index, and writes a {@code number.health_changed} event.
 */
public final class HealthChanges {
    private final PoolRepository pools;
    private final PoolEventRepository events;

    public HealthChanges(PoolRepository pools, PoolEventRepository events) {
        this.pools = pools;
        this.events = events;
    }

    /** Records the change; {@code why} adds what led to it to the event's {@code after}. */
    public void changed(AccountId accountId, PoolId poolId, PhoneNumber number, NumberHealth before,
                        NumberHealth after, Map<String, Object> why, Instant now) {
        pools.touch(accountId, poolId, now);
        Map<String, Object> afterState = new LinkedHashMap<>();
        afterState.put("number", number.e164());
        afterState.put("health", after.wireName());
        afterState.putAll(why);
        events.append(PoolEvent.bySystem(accountId, poolId, PoolEventType.NUMBER_HEALTH_CHANGED, now,
                Map.of("number", number.e164(), "health", before.wireName()), afterState));
    }
}
