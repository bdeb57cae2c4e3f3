package dev.poolkeeper.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * A business rule said no. Carries a stable {@link ErrorCode} and, where the rule is about input
 * fields, the fields that broke it. Never carries internal details: its message is shown to clients.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final transient List<FieldViolation> violations;

    public DomainException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public DomainException(ErrorCode code, String message, List<FieldViolation> violations) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.violations = List.copyOf(violations);
    }

    public static DomainException invalidField(String field, String message) {
        return new DomainException(ErrorCode.REQUEST_INVALID, field + ": " + message,
                List.of(FieldViolation.invalid(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
