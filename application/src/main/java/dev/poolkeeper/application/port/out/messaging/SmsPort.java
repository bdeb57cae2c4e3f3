package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.application.port.out.ProviderPort;

/**
 * Sends one SMS through one provider, once: no retries inside (a retry is the caller's decision, and
 * only after {@link SendResult.NotSent}). Never throws for a vendor's answer or a network failure.
 */
public interface SmsPort extends ProviderPort {
    /** Sends; a port that is not {@link #configured()} answers {@code provider.not_configured} and calls nobody. */
    SendResult send(OutboundSms sms);
}
