package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The sender a recipient got first (or was pinned to), and when it was last used. */
public record StickyMapping(PhoneNumber recipient, PhoneNumber sender, Instant createdAt, Instant lastUsedAt) {
    public StickyMapping {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A mapping unused for the pool's {@code sticky_ttl_days} has expired. */
    public boolean isExpired(int ttlDays, Instant now) {
        return !lastUsedAt.plus(Duration.ofDays(ttlDays)).isAfter(now);
    }
}
