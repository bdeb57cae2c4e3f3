package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a pool's change history: who (the API key id, or {@code system}), what, when, and
 * the state before and after (only the fields that changed, for updates).
 */
public record PoolEvent(String id, AccountId accountId, PoolId poolId, PoolEventType type, String actor,
                        Instant occurredAt, Map<String, Object> before, Map<String, Object> after) {
    public static final String SYSTEM_ACTOR = "system";

    public PoolEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = after == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    public static PoolEvent of(NumberPool pool, PoolEventType type, String actor, Instant at,
                               Map<String, Object> before, Map<String, Object> after) {
        return new PoolEvent(Ids.newId("evt_", at), pool.accountId(), pool.id(), type, actor, at, before, after);
    }

    /** Something Poolkeeper itself did or saw (health learned from receipts, a sync's drift or failure). */
    public static PoolEvent bySystem(AccountId accountId, PoolId poolId, PoolEventType type, Instant at,
                                     Map<String, Object> before, Map<String, Object> after) {
        return new PoolEvent(Ids.newId("evt_", at), accountId, poolId, type, SYSTEM_ACTOR, at, before, after);
    }
}
