package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.selection.Decision;

/**
 * Chooses the sender, stores the message, and hands it to the sender's provider, failing over to
 * another number (preferring another provider) while nothing can have been sent. A recipient the pool
 * cannot serve is refused before anything is stored.
 */
public interface SendMessageUseCase {
    SendMessageResult sendMessage(SendMessageCommand command);

    /** The stored message, or the selection's refusal. */
    sealed interface SendMessageResult {
        record Stored(Message message) implements SendMessageResult {
        }

        record Refused(Decision.Refused refusal) implements SendMessageResult {
        }
    }
}
