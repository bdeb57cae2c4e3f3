package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a provider holds for a pool: its id there, its settings (in the vendor's field names), its numbers. */
public record ObservedPart(String providerPoolId, Map<String, Object> settings, Set<PhoneNumber> numbers) {
    public ObservedPart {
        Objects.requireNonNull(providerPoolId, "providerPoolId");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        numbers = Set.copyOf(numbers);
    }
}
