package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.shared.WireName;

/**
 * Where a message is. Waiting: {@code scheduled} (for its {@code send_at}), {@code queued} (for its
 * sender's send budget). {@code sending}: handed to a dispatcher, a provider may have it. Then
 * {@code sent} (a provider accepted it), {@code delivered} or {@code undelivered} (as the receipt says),
 * {@code failed} (no provider could take it), {@code rejected} (a provider refused it), {@code expired}
 * (not sent within its validity period), {@code canceled} (by the client while waiting), and
 * {@code unknown}: the provider's answer was lost and no receipt settled it in time; a later receipt
 * still does.
 */
public enum MessageStatus implements WireName {
    QUEUED, SCHEDULED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, REJECTED, EXPIRED, CANCELED, UNKNOWN;

    /** A status no receipt moves back to an in-flight one. */
    public boolean isFinal() {
        return switch (this) {
            case DELIVERED, UNDELIVERED, FAILED, REJECTED, EXPIRED, CANCELED -> true;
            default -> false;
        };
    }

    /** Still waiting in the queue: nothing was handed to a provider yet. */
    public boolean isWaiting() {
        return this == QUEUED || this == SCHEDULED;
    }
}
