package dev.poolkeeper.domain.pool;

/** What happened to a pool; the wire name is {@code pool.created}, {@code numbers.added}, … */
public enum PoolEventType {
    POOL_CREATED("pool.created"),
    POOL_UPDATED("pool.updated"),
    POOL_DELETED("pool.deleted"),
    NUMBERS_ADDED("numbers.added"),
    NUMBERS_REMOVED("numbers.removed"),
    NUMBER_UPDATED("number.updated"),
    NUMBER_HEALTH_CHANGED("number.health_changed"),
    SYNC_DRIFT_DETECTED("sync.drift_detected"),
    SYNC_FAILED("sync.failed"),
    /** A canary inbox the pool probes stopped taking probes (it looks broken, or its connection was refused). */
    CANARY_INBOX_PAUSED("canary.inbox_paused"),
    /** A canary inbox the pool's probe schedule uses ends within 7 days, then within 1. */
    CANARY_INBOX_EXPIRING("canary.inbox_expiring");

    private final String wireName;

    PoolEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PoolEventType fromWireName(String value) {
        for (PoolEventType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type " + value);
    }
}
