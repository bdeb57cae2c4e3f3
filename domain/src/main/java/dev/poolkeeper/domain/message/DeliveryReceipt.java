package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.number.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified delivery receipt, in Poolkeeper's terms: which provider message, what happened, and (when
 * the provider says) the sender and recipient, used to find a message whose send answer was lost.
 */
public record DeliveryReceipt(Provider provider, String providerMessageId, DeliveryOutcome outcome,
                              String providerStatus, Optional<String> errorCode, Optional<String> from,
                              Optional<String> to, Instant at) {
    public DeliveryReceipt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(providerStatus, "providerStatus");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
