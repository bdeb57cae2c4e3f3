package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The shared send budget in memory, counting how often it was asked. */
public final class InMemorySendBudget implements SharedSendBudget {
    private record Bucket(double tokens, Instant at) {
    }

    private final Map<PhoneNumber, Bucket> buckets = new HashMap<>();
    public int asked;

    @Override
    public synchronized boolean tryTake(PhoneNumber number, double perSecond, double capacity, Instant now) {
        asked++;
        Bucket b = buckets.getOrDefault(number, new Bucket(capacity, now));
        double elapsed = Math.max(0, Duration.between(b.at(), now).toNanos() / 1e9);
        double tokens = Math.min(capacity, b.tokens() + elapsed * perSecond);
        if (tokens < 1) {
            return false;
        }
        buckets.put(number, new Bucket(tokens - 1, b.at().isAfter(now) ? b.at() : now));
        return true;
    }

    @Override
    public synchronized void giveBack(PhoneNumber number, double capacity) {
        Bucket b = buckets.get(number);
        if (b != null) {
            buckets.put(number, new Bucket(Math.min(capacity, b.tokens() + 1), b.at()));
        }
    }
}
