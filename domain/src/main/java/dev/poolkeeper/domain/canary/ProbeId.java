package dev.poolkeeper.domain.canary;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

/** A delivery probe's id: {@code prb_} and a ULID. */
public record ProbeId(String value) {
    public static final String PREFIX = "prb_";

    public ProbeId {
        Objects.requireNonNull(value, "value");
        if (!Ids.isWellFormed(PREFIX, value)) {
            throw new IllegalArgumentException("a probe id is prb_ and 26 characters");
        }
    }

    public static ProbeId newId(Instant at) {
        return new ProbeId(Ids.newId(PREFIX, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
