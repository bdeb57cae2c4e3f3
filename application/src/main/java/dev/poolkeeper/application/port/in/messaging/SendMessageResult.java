package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.selection.Decision;
import java.util.Optional;

/** The stored message, or the selection's refusal (and then nothing was stored): exactly one is present. */
public record SendMessageResult(Optional<Message> message, Optional<Decision.Refused> refusal) {
    public SendMessageResult {
        if (message.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("exactly one of message and refusal");
        }
    }

    public static SendMessageResult stored(Message message) {
        return new SendMessageResult(Optional.of(message), Optional.empty());
    }

    public static SendMessageResult refused(Decision.Refused refusal) {
        return new SendMessageResult(Optional.empty(), Optional.of(refusal));
    }
}
