package dev.poolkeeper.application.service.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderProblemsTest {
    @Test
    void everyProvidersStatusesMeanTheSameFailure() {
        Map<Integer, ProviderFailure> expected = Map.of(400, ProviderFailure.INVALID, 401, ProviderFailure.UNAUTHORIZED,
                403, ProviderFailure.UNAUTHORIZED, 402, ProviderFailure.INSUFFICIENT_BALANCE, 404,
                ProviderFailure.NOT_FOUND, 422, ProviderFailure.INVALID, 429, ProviderFailure.THROTTLED, 500,
                ProviderFailure.UNAVAILABLE, 503, ProviderFailure.UNAVAILABLE);
        expected.forEach((status, failure) -> assertEquals(failure, ProviderFailure.ofStatus(status), "HTTP " + status));
        assertTrue(ProviderFailure.THROTTLED.retryable() && ProviderFailure.NO_ANSWER.retryable());
        assertFalse(ProviderFailure.INSUFFICIENT_BALANCE.retryable(), "a 402 is never retried");
        assertFalse(ProviderFailure.UNAUTHORIZED.retryable());
    }

    @Test
    void eachFailureIsOneProblemForTheCaller() {
        Map<ProviderFailure, ErrorCode> expected = Map.of(ProviderFailure.INVALID, ErrorCode.PROVIDER_REJECTED,
                ProviderFailure.NOT_FOUND, ErrorCode.PROVIDER_REJECTED,
                ProviderFailure.UNAUTHORIZED, ErrorCode.PROVIDER_UNAUTHORIZED,
                ProviderFailure.INSUFFICIENT_BALANCE, ErrorCode.PROVIDER_INSUFFICIENT_BALANCE,
                ProviderFailure.THROTTLED, ErrorCode.PROVIDER_THROTTLED,
                ProviderFailure.UNAVAILABLE, ErrorCode.PROVIDER_UNAVAILABLE,
                ProviderFailure.NO_ANSWER, ErrorCode.PROVIDER_NO_ANSWER);
        assertEquals(ProviderFailure.values().length, expected.size(), "every failure has its problem");
        expected.forEach((failure, code) -> assertEquals(code, ProviderProblems.of(failure, "words", Optional.empty())
                .code(), failure.name()));
        assertTrue(ProviderProblems.of(ProviderFailure.THROTTLED, "slow down", Optional.of(Duration.ofSeconds(3)))
                .getMessage().contains("wait 3 s"));
    }
}
