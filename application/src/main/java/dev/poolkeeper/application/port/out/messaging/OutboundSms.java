package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMS to hand to a provider: from an E.164 number or an alphanumeric sender; our id goes along as
 * reference; {@code providerPool} is the provider's pool mirroring the message's pool, when it has one (a
 * Telnyx alphanumeric sender is sent through the pool's messaging profile).
 */
public record OutboundSms(String from, PhoneNumber to, String text, MessageId reference,
                          Optional<String> providerPool) {
    public OutboundSms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(providerPool, "providerPool");
    }

    public OutboundSms(String from, PhoneNumber to, String text, MessageId reference) {
        this(from, to, text, reference, Optional.empty());
    }
}
