package dev.poolkeeper.application.port.out.sync;

import dev.poolkeeper.application.port.out.ProviderFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not succeed: {@link #failure()} says why in the providers' one vocabulary, and
 * whether trying again later may work ({@link #retryAfter()} when the provider said how long to wait);
 * {@link #code()} / {@link #getMessage()} keep the provider's own code and words.
 */
public class ProviderSyncException extends RuntimeException {
    private final ProviderFailure failure;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    public ProviderSyncException(ProviderFailure failure, String code, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.failure = failure;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** The provider failed, was not ready, or did not answer: try again later. */
    public static ProviderSyncException retryable(String code, String message, Optional<Duration> retryAfter) {
        return new ProviderSyncException(ProviderFailure.UNAVAILABLE, code, message, retryAfter);
    }

    /** The provider refused the request as it was. */
    public static ProviderSyncException refused(String code, String message) {
        return new ProviderSyncException(ProviderFailure.INVALID, code, message, Optional.empty());
    }

    public ProviderFailure failure() {
        return failure;
    }

    public boolean retryable() {
        return failure.retryable();
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
