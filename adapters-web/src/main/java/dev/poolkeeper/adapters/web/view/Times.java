package dev.poolkeeper.adapters.web.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How pages write a moment: UTC in the page (the browser's script shows it in the operator's time zone and
 * keeps UTC on hover), ISO-8601 in the {@code datetime} attribute.
 */
public final class Times {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String iso(Instant at) {
        return at.toString();
    }

    public static String utc(Instant at) {
        return UTC.format(at);
    }
}
