package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.shared.WireName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write to make at a provider: create, update or delete its pool, add or remove numbers (a batch
 * the vendor takes in one call), or turn off deletion protection before a delete.
 */
public record SyncOperation(Kind kind, List<PhoneNumber> numbers, Map<String, Object> settings) {

    public enum Kind implements WireName {
        CREATE_POOL, UPDATE_POOL, ADD_NUMBERS, REMOVE_NUMBERS, DISABLE_DELETION_PROTECTION, DELETE_POOL,
        /** For a provider that mirrors opt-out lists: create the list the pool names. */
        CREATE_OPT_OUT_LIST,
        /** Put numbers on the pool's opt-out list. */
        OPT_OUT_NUMBERS,
        /** Take numbers off the pool's opt-out list. */
        OPT_IN_NUMBERS
    }

    public SyncOperation {
        Objects.requireNonNull(kind, "kind");
        numbers = List.copyOf(numbers);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public static SyncOperation create(Map<String, Object> settings, List<PhoneNumber> firstNumbers) {
        return new SyncOperation(Kind.CREATE_POOL, firstNumbers, settings);
    }

    public static SyncOperation update(Map<String, Object> settings) {
        return new SyncOperation(Kind.UPDATE_POOL, List.of(), settings);
    }

    public static SyncOperation add(List<PhoneNumber> numbers) {
        return new SyncOperation(Kind.ADD_NUMBERS, numbers, Map.of());
    }

    public static SyncOperation remove(List<PhoneNumber> numbers) {
        return new SyncOperation(Kind.REMOVE_NUMBERS, numbers, Map.of());
    }

    public static SyncOperation of(Kind kind) {
        return new SyncOperation(kind, List.of(), Map.of());
    }
}
