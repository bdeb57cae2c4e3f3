package dev.poolkeeper.adapters.persistence.jdbc;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/** Values kept as JSON text in a column (event states, stored response headers); null stays null. */
@Singleton
public final class JsonColumns {
    private final JsonMapper json;

    public JsonColumns(JsonMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        if (value == null) {
            return null;
        }
        // the empty lists and maps of a new message's columns, without a trip through the serializer
        if (value instanceof Collection<?> c && c.isEmpty()) {
            return "[]";
        }
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return "{}";
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String stored, Argument<T> type) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
