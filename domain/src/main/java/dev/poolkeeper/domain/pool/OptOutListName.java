package dev.poolkeeper.domain.pool;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of an account's opt-out list: 1-64 characters {@code [A-Za-z0-9_-]} (as AWS names them). */
public record OptOutListName(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public OptOutListName {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters of [A-Za-z0-9_-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
