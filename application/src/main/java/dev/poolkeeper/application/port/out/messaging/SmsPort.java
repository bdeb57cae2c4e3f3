package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.application.port.out.ProviderPort;

/**
 * Sends one SMS through one provider, once: no retries inside (a retry is the caller's decision, and
 * only after {@link SendResult.NotSent}). Never throws for a vendor's answer or a network failure.
 */
public interface SmsPort extends ProviderPort {
    /** Whether the provider can send from an alphanumeric sender id without a pool of its own. */
    boolean sendsAlphanumeric();

    SendResult send(OutboundSms sms);
}
