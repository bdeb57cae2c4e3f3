package dev.poolkeeper.domain.message;

/**
 * What a delivery receipt says, in Poolkeeper's terms. Only {@link #DELIVERED} and {@link #UNDELIVERED}
 * count towards a number's health: a provider's rejection and its intermediate states say nothing about
 * how the number fares with carriers.
 */
public enum DeliveryOutcome {
    /** Accepted, buffered, sent on: the message is on its way. */
    IN_FLIGHT(MessageStatus.SENT),
    DELIVERED(MessageStatus.DELIVERED),
    /** Failed, expired, undeliverable, blocked by the carrier. */
    UNDELIVERED(MessageStatus.UNDELIVERED),
    /** The provider refused the message. */
    REJECTED(MessageStatus.REJECTED);

    private final MessageStatus status;

    DeliveryOutcome(MessageStatus status) {
        this.status = status;
    }

    public MessageStatus status() {
        return status;
    }

    public boolean countsForHealth() {
        return this == DELIVERED || this == UNDELIVERED;
    }
}
