package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.DomainException;
import java.util.Optional;
import java.util.function.Function;

/** List filters from query parameters: absent or empty is "no filter", anything unparsable is a 400 naming it. */
public final class QueryFilters {
    private QueryFilters() {
    }

    public static <T> Optional<T> filter(String name, String value, Function<String, Optional<T>> parse) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(value).orElseThrow(() ->
                DomainException.invalidField(name, "'" + value + "' is not a valid value")));
    }
}
