package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Reason;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a message goes out from: an E.164 number of the pool, or the pool's alphanumeric sender
 * ({@code type} empty), through which provider, and why it was chosen.
 */
public record Sender(String from, Provider provider, Optional<NumberType> type, Reason reason) {
    public Sender {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean isAlphanumeric() {
        return type.isEmpty();
    }
}
