package dev.poolkeeper.domain.canary;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

/** A canary inbox's id: {@code cin_} and a ULID. */
public record CanaryInboxId(String value) {
    public static final String PREFIX = "cin_";

    public CanaryInboxId {
        Objects.requireNonNull(value, "value");
        if (!Ids.isWellFormed(PREFIX, value)) {
            throw new IllegalArgumentException("a canary inbox id is cin_ and 26 characters");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && Ids.isWellFormed(PREFIX, value);
    }

    public static CanaryInboxId newId(Instant at) {
        return new CanaryInboxId(Ids.newId(PREFIX, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
