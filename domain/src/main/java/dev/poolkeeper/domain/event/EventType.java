package dev.poolkeeper.domain.event;

import dev.poolkeeper.domain.shared.WireName;
import java.util.Arrays;
import java.util.Optional;

/** What an account's event reports; each is spelled as its API type ({@code message.delivered}). */
public enum EventType implements WireName {
    MESSAGE_QUEUED("message.queued"),
    MESSAGE_SENT("message.sent"),
    MESSAGE_DELIVERED("message.delivered"),
    MESSAGE_UNDELIVERED("message.undelivered"),
    MESSAGE_FAILED("message.failed"),
    MESSAGE_EXPIRED("message.expired"),
    MESSAGE_CANCELED("message.canceled"),
    MESSAGE_UNKNOWN("message.unknown"),
    /** Any SMS received on a pool number, STOP, START and HELP included. */
    MESSAGE_INBOUND("message.inbound"),
    OPT_OUT_ADDED("opt_out.added"),
    OPT_OUT_REMOVED("opt_out.removed"),
    NUMBER_HEALTH_CHANGED("number.health_changed"),
    POOL_SYNC_FAILED("pool.sync_failed"),
    POOL_DRIFT_REPAIRED("pool.drift_repaired"),
    CANARY_INBOX_PAUSED("canary.inbox_paused"),
    CANARY_INBOX_EXPIRING("canary.inbox_expiring"),
    /** An event endpoint that failed for a day was turned off. */
    EVENT_ENDPOINT_DISABLED("event_endpoint.disabled");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
