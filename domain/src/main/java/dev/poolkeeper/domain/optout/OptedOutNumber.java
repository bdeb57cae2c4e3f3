package dev.poolkeeper.domain.optout;

import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Instant;
import java.util.Objects;

public record OptedOutNumber(PhoneNumber number, Instant optedOutAt) {
    public OptedOutNumber {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(optedOutAt, "optedOutAt");
    }
}
