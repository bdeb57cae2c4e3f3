package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters on an account's messages; each one left empty lets every message through. {@code from} is the
 * sender (an E.164 number or an alphanumeric sender); the time range is on creation, {@code since}
 * inclusive, {@code until} exclusive.
 */
public record MessageFilter(Optional<PoolId> pool, Optional<MessageStatus> status, Optional<PhoneNumber> to,
                           Optional<String> from, Optional<Provider> provider, Optional<Instant> since,
                           Optional<Instant> until, Optional<String> clientReference) {
    public MessageFilter {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(clientReference, "clientReference");
    }

    public static MessageFilter all() {
        return new MessageFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
