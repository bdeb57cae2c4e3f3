package dev.poolkeeper.domain.message;

import java.time.Instant;
import java.util.Objects;

/** One step of a message's life: the status it entered, and when. */
public record StatusChange(MessageStatus status, Instant at) {
    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
