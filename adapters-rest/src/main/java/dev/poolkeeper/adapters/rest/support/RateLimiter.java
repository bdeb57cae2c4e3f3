package dev.poolkeeper.adapters.rest.support;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed one-minute window per API key, in this instance's memory. With N instances behind a load
 * balancer a key gets up to N times the limit; see docs/adr/0006-rate-limiting.md.
 */
public final class RateLimiter {
    private static final long WINDOW_MILLIS = 60_000;

    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private record Window(long start, AtomicInteger used) {
    }

    private final int limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 request per minute");
        }
        this.limit = limit;
        this.clock = clock;
    }

    public Decision acquire(String key) {
        long now = clock.millis();
        long start = now - now % WINDOW_MILLIS;
        Window window = windows.compute(key, (k, w) -> w == null || w.start() != start
                ? new Window(start, new AtomicInteger()) : w);
        int used = window.used().incrementAndGet();
        long reset = Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.start() < start);
        }
        return new Decision(used <= limit, limit, Math.max(0, limit - used), reset);
    }

    public int limit() {
        return limit;
    }
}
