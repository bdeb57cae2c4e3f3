package dev.poolkeeper.domain.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enums of the ubiquitous language spell themselves as the API does: {@code LONG_CODE} is {@code long_code}. */
public interface WireName {
    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(value)).findFirst();
    }

    static <E extends Enum<E> & WireName> String allowed(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList());
    }
}
