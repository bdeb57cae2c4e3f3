package dev.poolkeeper.domain.provider;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

/** A provider connection's id: {@code conn_} and a ULID. */
public record ConnectionId(String value) {
    public static final String PREFIX = "conn_";

    public ConnectionId {
        Objects.requireNonNull(value, "value");
        if (!Ids.isWellFormed(PREFIX, value)) {
            throw new IllegalArgumentException("a connection id is conn_ and 26 characters");
        }
    }

    public static ConnectionId newId(Instant at) {
        return new ConnectionId(Ids.newId(PREFIX, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
