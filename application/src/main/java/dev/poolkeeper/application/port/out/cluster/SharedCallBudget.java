package dev.poolkeeper.application.port.out.cluster;

import java.time.Instant;

/**
 * A budget of calls shared by every instance, for a provider's own rate limit per key: a token bucket of
 * {@code capacity} calls refilled at {@code perSecond}, full the first time the key is asked for.
 */
public interface SharedCallBudget {
    /** Takes one call from the key's bucket; false, taking nothing, when it holds less than one. */
    boolean tryTake(String key, double perSecond, double capacity, Instant now);
}
