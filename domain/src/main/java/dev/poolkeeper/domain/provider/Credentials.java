package dev.poolkeeper.domain.provider;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider account's credentials, field by field ({@code api_key}, {@code api_secret}, …), in clear: they
 * exist so only in memory, between the store that decrypts them and the provider call. Never printed:
 * {@link #toString()} names the fields only.
 */
public final class Credentials {
    private final Map<String, String> values;

    public Credentials(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Credentials none() {
        return new Credentials(Map.of());
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(values.get(field)).filter(v -> !v.isBlank());
    }

    public String require(String field) {
        return get(field).orElseThrow(() -> new IllegalStateException("credential " + field + " is missing"));
    }

    /** Every field and its value: for the store that encrypts them, never for output. */
    public Map<String, String> values() {
        return values;
    }

    public java.util.Set<String> fields() {
        return values.keySet();
    }

    /** These credentials with {@code changes} applied; a field changed to blank is removed. */
    public Credentials with(Map<String, String> changes) {
        TreeMap<String, String> merged = new TreeMap<>(values);
        changes.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return new Credentials(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials" + values.keySet();
    }
}
