package dev.poolkeeper.adapters.rest.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.domain.pool.PoolEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** One change to a pool: who (the API key id), what, when, and the state before and after. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "PoolEvent")
record PoolEventResponse(
        String id,
        @Schema(allowableValues = {"pool.created", "pool.updated", "pool.deleted", "numbers.added",
            "numbers.removed", "number.updated", "number.health_changed", "sync.drift_detected", "sync.failed",
            "canary.inbox_paused", "canary.inbox_expiring"})
        String type,
        String pool_id,
        String key_id,
        Instant occurred_at,
        @Nullable Map<String, Object> before,
        @Nullable Map<String, Object> after) {

    static PoolEventResponse of(PoolEvent e) {
        return new PoolEventResponse(e.id(), e.type().wireName(), e.poolId().value(), e.actor(), e.occurredAt(),
                e.before(), e.after());
    }
}
