package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

public record PoolId(String value) {
    public static final String PREFIX = "pool_";

    public PoolId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 40) {
            throw new IllegalArgumentException("pool id must be 1-40 characters");
        }
    }

    public static PoolId newId(Instant at) {
        return new PoolId(Ids.newId(PREFIX, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
