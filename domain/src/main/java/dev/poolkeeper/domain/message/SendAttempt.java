package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.WireName;
import java.time.Instant;
import java.util.Objects;

/** One try to hand the message to a provider, and how it ended. */
public record SendAttempt(String from, Provider provider, Outcome outcome, String code, String detail, Instant at) {

    /** How a try ended; only {@link #NOT_SENT} lets the message fail over to another number. */
    public enum Outcome implements WireName {
        /** The provider accepted the message. */
        ACCEPTED,
        /** Nothing was sent (connection refused, 429, 5xx, provider not configured): safe to try elsewhere. */
        NOT_SENT,
        /** The provider refused the message: sending it elsewhere would not help. */
        REFUSED,
        /** The answer was lost after the request went out: the provider may have the message. */
        UNKNOWN
    }

    public SendAttempt {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
