package dev.poolkeeper.application.service.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter; a provider's own {@code Retry-After} wins
 * when it gives one (capped at {@code maxWait}).
 */
public record Backoff(int maxAttempts, Duration base, Duration maxWait) {
    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static Backoff defaults() {
        return new Backoff(5, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    /** How long to wait before attempt {@code attempt + 1} (attempts count from 1). */
    Duration delay(int attempt, java.util.Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxWait) > 0 ? maxWait : retryAfter.get();
        }
        long ceiling = Math.min(maxWait.toMillis(), base.toMillis() * (1L << Math.min(20, attempt - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** Sleeps; tests pass one that does not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
