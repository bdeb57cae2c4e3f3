package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Duration;
import java.util.Optional;

/** The one mapping of a provider's failure, whatever the provider, to the problem an API caller sees. */
public final class ProviderProblems {
    private ProviderProblems() {
    }

    /**
     * @param message the provider's own code and words
     * @param wait    how long the provider asked to wait, when it said
     */
    public static DomainException of(ProviderFailure failure, String message, Optional<Duration> wait) {
        return switch (failure) {
            case INVALID, NOT_FOUND -> new DomainException(ErrorCode.PROVIDER_REJECTED, message);
            case UNAUTHORIZED -> new DomainException(ErrorCode.PROVIDER_UNAUTHORIZED,
                    "the provider refused the connection's key: " + message);
            case INSUFFICIENT_BALANCE -> new DomainException(ErrorCode.PROVIDER_INSUFFICIENT_BALANCE,
                    "the provider account's balance does not cover it: " + message);
            case THROTTLED -> new DomainException(ErrorCode.PROVIDER_THROTTLED, "the provider asks to wait"
                    + wait.map(d -> " " + d.toSeconds() + " s").orElse("") + ": " + message);
            case UNAVAILABLE -> new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, message);
            case NO_ANSWER -> new DomainException(ErrorCode.PROVIDER_NO_ANSWER, message);
        };
    }
}
