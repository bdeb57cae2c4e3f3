package dev.poolkeeper.domain.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the precision the database keeps (microseconds), so what is stored reads back equal. */
public final class Times {
    private Times() {
    }

    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
