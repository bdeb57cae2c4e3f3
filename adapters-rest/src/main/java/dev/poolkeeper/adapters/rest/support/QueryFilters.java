package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.WireName;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * List filters from query parameters: absent or empty is "no filter", anything unparsable is a 400 naming
 * the parameter and, where there is a list of them, the values it takes.
 */
public final class QueryFilters {
    private QueryFilters() {
    }

    public static <T> Optional<T> filter(String name, String value, Function<String, Optional<T>> parse) {
        return filter(name, value, parse, "");
    }

    /** A filter whose valid values can be named: the refusal lists them. */
    public static <T> Optional<T> filter(String name, String value, Function<String, Optional<T>> parse,
                                         Collection<String> valid) {
        return filter(name, value, parse, "; one of " + String.join(", ", valid));
    }

    /** One of an enum's wire names. */
    public static <E extends Enum<E> & WireName> Optional<E> oneOf(String name, String value, Class<E> type) {
        return filter(name, value, v -> WireName.parse(type, v), "; one of " + WireName.allowed(type));
    }

    /** An RFC 3339 timestamp ({@code 2026-11-23T10:15:00Z}). */
    public static Optional<Instant> instant(String name, String value) {
        return filter(name, value, v -> {
            try {
                return Optional.of(OffsetDateTime.parse(v).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }, "; an RFC 3339 timestamp such as 2026-11-23T10:15:00Z");
    }

    private static <T> Optional<T> filter(String name, String value, Function<String, Optional<T>> parse,
                                          String hint) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(value).orElseThrow(() -> DomainException.invalidField(name,
                "'" + (value.length() > 50 ? value.substring(0, 50) + "…" : value) + "' is not a valid value" + hint)));
    }
}
