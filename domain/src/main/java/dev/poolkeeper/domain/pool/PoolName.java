package dev.poolkeeper.domain.pool;

import java.util.Objects;
import java.util.regex.Pattern;

/** 1-64 characters {@code [A-Za-z0-9._-]}, unique per account. */
public record PoolName(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public PoolName {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters of [A-Za-z0-9._-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
