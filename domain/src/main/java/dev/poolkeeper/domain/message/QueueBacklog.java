package dev.poolkeeper.domain.message;

import java.time.Instant;
import java.util.Objects;

/** A pool's messages due and waiting: how many, and since when the oldest is due. */
public record QueueBacklog(long depth, Instant oldestDue) {
    public QueueBacklog {
        Objects.requireNonNull(oldestDue, "oldestDue");
    }
}
