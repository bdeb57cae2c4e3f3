package dev.poolkeeper.domain.account;

import java.time.Instant;
import java.util.Objects;

/** A tenant. Every pool, number, key and event belongs to exactly one account. */
public record Account(AccountId id, String name, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 128;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("must be 1-" + MAX_NAME_LENGTH + " characters");
        }
    }
}
