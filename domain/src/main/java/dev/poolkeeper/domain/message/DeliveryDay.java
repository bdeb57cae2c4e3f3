package dev.poolkeeper.domain.message;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A pool's final delivery receipts of one day (UTC, the day each arrived): how many said delivered and how
 * many said not delivered.
 */
public record DeliveryDay(LocalDate day, long delivered, long undelivered) {
    public DeliveryDay {
        Objects.requireNonNull(day, "day");
        if (delivered < 0 || undelivered < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public static DeliveryDay none(LocalDate day) {
        return new DeliveryDay(day, 0, 0);
    }

    public long receipts() {
        return delivered + undelivered;
    }

    /** The delivered share, 0–1; empty on a day without receipts. */
    public OptionalDouble deliveredShare() {
        return receipts() == 0 ? OptionalDouble.empty() : OptionalDouble.of(delivered / (double) receipts());
    }
}
