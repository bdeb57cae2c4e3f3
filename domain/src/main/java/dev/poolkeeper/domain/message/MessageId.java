package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;

/** A message's id: {@code msg_} and a ULID. */
public record MessageId(String value) {
    public static final String PREFIX = "msg_";

    public MessageId {
        Objects.requireNonNull(value, "value");
        if (!Ids.isWellFormed(PREFIX, value)) {
            throw new IllegalArgumentException("not a message id: " + value);
        }
    }

    public static MessageId newId(Instant at) {
        return new MessageId(Ids.newId(PREFIX, at));
    }

    public static boolean isWellFormed(String value) {
        return Ids.isWellFormed(PREFIX, value);
    }
}
