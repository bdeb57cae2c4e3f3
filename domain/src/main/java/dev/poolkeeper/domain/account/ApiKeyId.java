package dev.poolkeeper.domain.account;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

public record ApiKeyId(String value) {
    public static final String PREFIX = "key_";

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 40) {
            throw new IllegalArgumentException("api key id must be 1-40 characters");
        }
    }

    public static ApiKeyId newId(Instant at) {
        return new ApiKeyId(Ids.newId(PREFIX, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
