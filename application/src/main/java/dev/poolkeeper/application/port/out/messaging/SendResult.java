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

    record NotSent(String code, String detail) implements SendResult {
        public static NotSent notConfigured(String provider) {
            return new NotSent(ErrorCode.PROVIDER_NOT_CONFIGURED.code(), provider + " has no credentials configured");
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
