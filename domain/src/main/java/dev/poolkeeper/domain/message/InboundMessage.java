package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.Provider;
import java.util.Objects;
import java.util.Optional;

/** A verified inbound SMS: {@code from} (the person) texted {@code to} (a pooled number). */
public record InboundMessage(Provider provider, PhoneNumber from, PhoneNumber to, String text,
                             Optional<String> providerMessageId) {
    public InboundMessage {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
}
