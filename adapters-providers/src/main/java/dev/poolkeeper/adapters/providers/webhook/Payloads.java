package dev.poolkeeper.adapters.providers.webhook;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading provider payloads: JSON objects, nested fields, numbers written with or without {@code +}. */
public final class Payloads {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private Payloads() {
    }

    public static Map<String, Object> object(JsonMapper json, String body) {
        try {
            Map<String, Object> map = body == null || body.isBlank() ? null : json.readValue(body, OBJECT);
            if (map == null) {
                throw DomainException.invalidField("body", "must be a JSON object");
            }
            return map;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalidField("body", "must be a JSON object");
        }
    }

    /** The value at a path of object keys and list indexes, as a string. */
    public static Optional<String> at(Map<String, Object> root, Object... path) {
        Object current = root;
        for (Object step : path) {
            if (step instanceof String key && current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (step instanceof Integer i && current instanceof List<?> list && list.size() > i) {
                current = list.get(i);
            } else {
                return Optional.empty();
            }
        }
        return current == null || current instanceof Map || current instanceof List ? Optional.empty()
                : Optional.of(String.valueOf(current));
    }

    public static String required(Map<String, Object> root, Object... path) {
        return at(root, path).orElseThrow(() -> DomainException.invalidField(pathName(path), "is required"));
    }

    private static String pathName(Object... path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            name.append(step instanceof Integer ? "[" + step + "]" : (name.length() == 0 ? "" : ".") + step);
        }
        return name.toString();
    }

    /** A number as providers write it ({@code 14155550100} or {@code +14155550100}); empty if it is not one. */
    public static Optional<PhoneNumber> number(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(raw.startsWith("+") ? raw : "+" + raw));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static PhoneNumber requiredNumber(Map<String, Object> root, Object... path) {
        return number(required(root, path)).orElseThrow(() ->
                DomainException.invalidField(pathName(path), "is not a phone number"));
    }

    /** Throws unless {@code at} is within {@code tolerance} of {@code now}, either way. */
    public static void fresh(Instant at, Instant now, Duration tolerance) {
        if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
            throw new WebhookRejected("timestamp " + at + " is outside the " + tolerance.toSeconds()
                    + " s tolerance window");
        }
    }

    public static Instant epochSeconds(String raw) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(raw.trim()));
        } catch (RuntimeException e) {
            throw new WebhookRejected("timestamp is not a number of seconds");
        }
    }
}
