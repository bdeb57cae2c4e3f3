package dev.poolkeeper.adapters.rest.event;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The event types as the API document lists them; the OpenAPI test holds them equal to the domain's
 * (an enum constant cannot spell a dotted name, so this is a string schema with its values).
 */
@Schema(type = "string", allowableValues = {"message.queued", "message.sent",
    "message.delivered", "message.undelivered", "message.failed", "message.expired", "message.canceled",
    "message.unknown", "message.inbound", "opt_out.added", "opt_out.removed", "number.health_changed",
    "pool.sync_failed", "pool.drift_repaired", "canary.inbox_paused", "canary.inbox_expiring",
    "event_endpoint.disabled"})
final class EventTypes {
    private EventTypes() {
    }
}
