package dev.poolkeeper.application.port.out.canary;

import dev.poolkeeper.application.port.out.ProviderFailure;
import java.time.Duration;
import java.util.Optional;

/** A rental provider's call that did not succeed, in the providers' one vocabulary. */
public class InboxRentalException extends RuntimeException {
    private final ProviderFailure failure;
    private final transient Optional<Duration> retryAfter;

    public InboxRentalException(ProviderFailure failure, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public ProviderFailure failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
