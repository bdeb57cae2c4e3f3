package dev.poolkeeper.domain.pool;

import java.util.Objects;
import java.util.regex.Pattern;

/** An alphanumeric sender id: 1-11 characters {@code [A-Za-z0-9 ]} with at least one letter. */
public record CustomFrom(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9 ]{1,11}");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Za-z].*");

    public CustomFrom {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches() || !HAS_LETTER.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-11 characters of [A-Za-z0-9 ] with at least one letter");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
