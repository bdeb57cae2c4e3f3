package dev.poolkeeper.domain.account;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

public record AccountId(String value) {
    public static final String PREFIX = "acct_";

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 40) {
            throw new IllegalArgumentException("account id must be 1-40 characters");
        }
    }

    public static AccountId newId(Instant at) {
        return new AccountId(Ids.newId(PREFIX, at));
    }

    @Override
    public String toString() {
        return value;
    }
}
