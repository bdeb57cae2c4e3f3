package dev.poolkeeper.application.port.out.canary;

import java.time.Duration;
import java.util.Optional;

/** A rental provider's call that did not succeed, in one vocabulary whatever the provider said. */
public class InboxRentalException extends RuntimeException {
    /** Why it did not succeed. */
    public enum Failure {
        /** The provider refused the request as invalid: retrying it unchanged cannot help. */
        INVALID,
        /** The key was refused. */
        UNAUTHORIZED,
        /** Not enough balance: nothing was charged; never retried. */
        INSUFFICIENT_BALANCE,
        /** No such rental (for example, one that has expired). */
        NOT_FOUND,
        /** Over the provider's rate limit: nothing was done; try after {@link #retryAfter()}. */
        THROTTLED,
        /** The provider failed (5xx): by its word nothing was done and it is safe to retry. */
        UNAVAILABLE,
        /** No answer (timeout, reset): the call may or may not have been carried out. */
        NO_ANSWER
    }

    private final Failure failure;
    private final transient Optional<Duration> retryAfter;

    public InboxRentalException(Failure failure, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public Failure failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
