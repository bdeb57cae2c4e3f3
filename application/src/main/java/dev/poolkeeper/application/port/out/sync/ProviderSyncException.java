package dev.poolkeeper.application.port.out.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not succeed. {@link #retryable()} when trying again later may work (429, 5xx,
 * timeouts, resets; {@link #retryAfter()} when the provider said how long to wait); otherwise the
 * provider refused, and {@link #code()} / {@link #getMessage()} keep its own code and words.
 */
public class ProviderSyncException extends RuntimeException {
    private final boolean retryable;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    public ProviderSyncException(boolean retryable, String code, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ProviderSyncException retryable(String code, String message, Optional<Duration> retryAfter) {
        return new ProviderSyncException(true, code, message, retryAfter);
    }

    public static ProviderSyncException refused(String code, String message) {
        return new ProviderSyncException(false, code, message, Optional.empty());
    }

    public boolean retryable() {
        return retryable;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
