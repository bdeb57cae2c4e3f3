package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.Objects;

/** One SMS to hand to a provider: from an E.164 number or an alphanumeric sender; our id goes along as reference. */
public record OutboundSms(String from, PhoneNumber to, String text, MessageId reference) {
    public OutboundSms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reference, "reference");
    }
}
