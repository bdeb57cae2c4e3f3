package dev.poolkeeper.domain.shared;

import java.time.Duration;
import java.util.Objects;

/** A rule said "not now": the same request may succeed after {@link #retryAfter()}. */
public class RetryLaterException extends DomainException {
    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait, never less than a second. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }
}
