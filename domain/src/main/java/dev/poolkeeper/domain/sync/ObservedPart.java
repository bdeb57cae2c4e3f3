package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider holds for a pool: its id there, its settings (in the provider's own field names, read by its {@link PoolDialect}), its numbers,
 * and the numbers on the opt-out list the pool names there (for a provider that has such lists).
 */
public record ObservedPart(String providerPoolId, Map<String, Object> settings, Set<PhoneNumber> numbers,
                           Set<PhoneNumber> optedOut) {
    public ObservedPart {
        Objects.requireNonNull(providerPoolId, "providerPoolId");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        numbers = Set.copyOf(numbers);
        optedOut = Set.copyOf(optedOut);
    }

    public ObservedPart(String providerPoolId, Map<String, Object> settings, Set<PhoneNumber> numbers) {
        this(providerPoolId, settings, numbers, Set.of());
    }
}
