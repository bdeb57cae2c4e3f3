package dev.poolkeeper.domain.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An endpoint's deliveries that are not done: how many wait (pending or retrying) and since when the oldest
 * of them waits, and how many were given up on (dead-lettered, redeliverable).
 */
public record DeliveryBacklog(long waiting, Optional<Instant> oldestWaiting, long dead) {
    public static final DeliveryBacklog NONE = new DeliveryBacklog(0, Optional.empty(), 0);

    public DeliveryBacklog {
        Objects.requireNonNull(oldestWaiting, "oldestWaiting");
    }

    /** Both backlogs together (the older oldest). */
    public DeliveryBacklog plus(DeliveryBacklog other) {
        Optional<Instant> oldest = Stream.of(oldestWaiting, other.oldestWaiting).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        return new DeliveryBacklog(waiting + other.waiting, oldest, dead + other.dead);
    }
}
