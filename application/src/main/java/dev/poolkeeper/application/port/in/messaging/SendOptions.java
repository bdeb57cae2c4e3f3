package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.domain.message.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a client may add to a message: all optional, checked when the message is accepted. */
public record SendOptions(Priority priority, Optional<Instant> sendAt, Optional<Duration> validityPeriod,
                          Optional<String> clientReference, Optional<String> statusCallback) {
    public SendOptions {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(validityPeriod, "validityPeriod");
        Objects.requireNonNull(clientReference, "clientReference");
        Objects.requireNonNull(statusCallback, "statusCallback");
    }

    public static SendOptions none() {
        return new SendOptions(Priority.NORMAL, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
