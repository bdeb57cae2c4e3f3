package dev.poolkeeper.domain.event;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

/** An event endpoint's id: {@code eep_} and a ULID. */
public record EventEndpointId(String value) {
    public static final String PREFIX = "eep_";

    public EventEndpointId {
        Objects.requireNonNull(value, "value");
        if (!Ids.isWellFormed(PREFIX, value)) {
            throw new IllegalArgumentException("an event endpoint id is eep_ and 26 characters");
        }
    }

    public static EventEndpointId newId(Instant at) {
        return new EventEndpointId(Ids.newId(PREFIX, at));
    }

    public static boolean isWellFormed(String value) {
        return value != null && Ids.isWellFormed(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
