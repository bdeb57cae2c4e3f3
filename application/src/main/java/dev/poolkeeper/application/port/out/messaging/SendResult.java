package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Objects;

/**
 * How a provider answered one send. The adapter decides which case a vendor answer is, because only it
 * knows the vendor: {@link NotSent} only when the message surely did not reach the provider (connection
 * refused, 429, 5xx, not configured), {@link Unknown} whenever it might have.
 */
public sealed interface SendResult {
    SendAttempt.Outcome outcome();

    /** Poolkeeper's code for what happened ({@code null} when accepted) and the vendor's words. */
    String code();

    String detail();

    record Accepted(String providerMessageId) implements SendResult {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }

        public SendAttempt.Outcome outcome() {
            return SendAttempt.Outcome.ACCEPTED;
        }

        public String code() {
            return null;
        }

        public String detail() {
            return "accepted as " + providerMessageId;
        }
    }

    /**
     * Nothing was accepted. {@code reachedProvider} is false when the request never left (no connection, no
     * credentials): then the sending number spent nothing of its budget at the carrier.
     */
    record NotSent(String code, String detail, boolean reachedProvider) implements SendResult {
        /** The provider answered, and took nothing (429, 5xx, a throttled status). */
        public NotSent(String code, String detail) {
            this(code, detail, true);
        }

        /** The request never reached the provider. */
        public static NotSent neverLeft(String code, String detail) {
            return new NotSent(code, detail, false);
        }

        public static NotSent notConfigured(String provider) {
            return neverLeft(ErrorCode.PROVIDER_NOT_CONFIGURED.code(), provider + " has no credentials configured");
        }

        public SendAttempt.Outcome outcome() {
            return SendAttempt.Outcome.NOT_SENT;
        }
    }

    record Refused(String code, String detail) implements SendResult {
        public SendAttempt.Outcome outcome() {
            return SendAttempt.Outcome.REFUSED;
        }
    }

    record Unknown(String code, String detail) implements SendResult {
        public SendAttempt.Outcome outcome() {
            return SendAttempt.Outcome.UNKNOWN;
        }
    }
}
