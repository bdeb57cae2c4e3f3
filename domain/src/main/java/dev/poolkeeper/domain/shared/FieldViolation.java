package dev.poolkeeper.domain.shared;

import java.util.Objects;

/** One field that broke a rule: {@code field} uses the API's names and paths ({@code numbers[3].number}). */
public record FieldViolation(String field, ErrorCode code, String message) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static FieldViolation invalid(String field, String message) {
        return new FieldViolation(field, ErrorCode.REQUEST_INVALID, message);
    }
}
