package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import dev.poolkeeper.domain.shared.WireName;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a JSON request body field by field, collecting every problem with its path
 * ({@code numbers[3].provider}) instead of failing on the first. Wrong types, unknown enum values,
 * unknown fields and values a value object refuses all become {@code request.invalid} naming the field.
 */
public final class JsonBody {
    private final List<FieldViolation> violations = new ArrayList<>();

    private JsonBody() {
    }

    /** Parses the body, which must be a JSON object. */
    public static Reader parse(JsonMapper mapper, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalidField("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = mapper.readValue(raw, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalidField("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalidField("body", "must be a JSON object");
        }
        return new JsonBody().reader(node, "");
    }

    private Reader reader(JsonNode node, String path) {
        return new Reader(node, path);
    }

    /** A JSON object at a path of the body. */
    public final class Reader {
        private final JsonNode node;
        private final String path;

        private Reader(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private String field(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        public void invalid(String name, String message) {
            violations.add(FieldViolation.invalid(field(name), message));
        }

        /** Refuses fields that are neither known nor read-only (read-only fields are ignored). */
        public void allowOnly(Set<String> settable, Set<String> readOnly) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                if (!settable.contains(e.getKey()) && !readOnly.contains(e.getKey())) {
                    invalid(e.getKey(), "is not a field of this request");
                }
            }
        }

        /**
         * A field that must be there with a value: absent and {@code null} are both "is required";
         * a present value is read with {@code read}, which reports its own problems.
         */
        public <T> Optional<T> required(String name, Function<String, Optional<T>> read) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                invalid(name, "is required");
                return Optional.empty();
            }
            return read.apply(name);
        }

        /** A one-line string: no control characters, no unpaired surrogates. */
        public Optional<String> string(String name) {
            return checkedString(name, false);
        }

        /** Free text such as a message: line breaks and tabs allowed, other control characters not. */
        public Optional<String> text(String name) {
            return checkedString(name, true);
        }

        private Optional<String> checkedString(String name, boolean multiLine) {
            return scalar(name, JsonNode::isString, "must be a string").map(JsonNode::getStringValue).flatMap(s -> {
                String problem = TextRules.problem(s, multiLine);
                if (problem != null) {
                    invalid(name, problem);
                    return Optional.empty();
                }
                return Optional.of(s);
            });
        }

        public Optional<Boolean> bool(String name) {
            return scalar(name, JsonNode::isBoolean, "must be true or false").map(JsonNode::getBooleanValue);
        }

        public Optional<Integer> integer(String name) {
            return scalar(name, JsonNode::isNumber, "must be an integer").flatMap(v -> {
                double d = v.getNumberValue().doubleValue();
                if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                    invalid(name, "must be an integer");
                    return Optional.empty();
                }
                return Optional.of((int) d);
            });
        }

        /** A present, non-null value of the expected JSON kind; anything else is reported on the field. */
        private Optional<JsonNode> scalar(String name, java.util.function.Predicate<JsonNode> kind, String expected) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!kind.test(v)) {
                invalid(name, expected);
                return Optional.empty();
            }
            return Optional.of(v);
        }

        public <E extends Enum<E> & WireName> Optional<E> enumValue(String name, Class<E> type) {
            return string(name).flatMap(s -> {
                Optional<E> value = WireName.parse(type, s);
                if (value.isEmpty()) {
                    invalid(name, "must be one of " + WireName.allowed(type));
                }
                return value;
            });
        }

        /** A string turned into a value object; what the value object refuses is reported on the field. */
        public <T> Optional<T> value(String name, Function<String, T> factory) {
            return string(name).flatMap(s -> construct(name, s, factory));
        }

        private <T> Optional<T> construct(String name, String s, Function<String, T> factory) {
            try {
                return Optional.of(factory.apply(s));
            } catch (IllegalArgumentException e) {
                invalid(name, e.getMessage());
                return Optional.empty();
            }
        }

        /**
         * A merge-patch field: absent is {@code null} (no change), JSON {@code null} is a reset, a value
         * is read with {@code read}. A value that fails to read is reported and treated as absent.
         */
        public <T> Update<T> update(String name, Function<String, Optional<T>> read) {
            JsonNode v = node.get(name);
            if (v == null) {
                return null;
            }
            if (v.isNull()) {
                return Update.reset();
            }
            return read.apply(name).map(Update::to).orElse(null);
        }

        /**
         * An object of one-line strings (a JSON {@code null} or empty string stands for "remove", as a blank
         * value), each checked like {@link #string}; key order kept.
         */
        public Optional<Map<String, String>> stringMap(String name) {
            return scalar(name, JsonNode::isObject, "must be an object").map(object -> {
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : object.entries()) {
                    String entryPath = field(name) + "." + e.getKey();
                    JsonNode v = e.getValue();
                    if (v.isNull()) {
                        values.put(e.getKey(), "");
                    } else if (v.isString() && TextRules.problem(v.getStringValue(), false) == null) {
                        values.put(e.getKey(), v.getStringValue());
                    } else {
                        violations.add(FieldViolation.invalid(entryPath, "must be a string without control characters"));
                    }
                }
                return values;
            });
        }

        /** An array of objects; each element gets its own reader with an indexed path. */
        public Optional<List<Reader>> objects(String name) {
            return elements(name, JsonNode::isObject, "must be an object", Reader::new);
        }

        /** An array of one-line strings, as given. */
        public Optional<List<String>> strings(String name) {
            return elements(name, e -> e.isString() && TextRules.problem(e.getStringValue(), false) == null,
                    "must be a string without control characters", (e, path) -> e.getStringValue());
        }

        private <T> Optional<List<T>> elements(String name, java.util.function.Predicate<JsonNode> kind,
                                               String expected, java.util.function.BiFunction<JsonNode, String, T> read) {
            return scalar(name, JsonNode::isArray, "must be an array").map(array -> {
                List<T> items = new ArrayList<>();
                int i = 0;
                for (JsonNode element : array.values()) {
                    String itemPath = field(name) + "[" + i++ + "]";
                    if (kind.test(element)) {
                        items.add(read.apply(element, itemPath));
                    } else {
                        violations.add(FieldViolation.invalid(itemPath, expected));
                    }
                }
                return items;
            });
        }

        /** Fails with every problem found, or returns the value when there was none. */
        public <T> T done(T value) {
            if (!violations.isEmpty()) {
                FieldViolation first = violations.get(0);
                throw new DomainException(ErrorCode.REQUEST_INVALID, first.field() + " " + first.message()
                        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
                        violations);
            }
            return value;
        }
    }
}
