package dev.poolkeeper.application.port.in.messaging;

/**
 * Chooses the sender, stores the message, and hands it to the sender's provider, failing over to
 * another number (preferring another provider) while nothing can have been sent. A recipient the pool
 * cannot serve is refused before anything is stored.
 */
public interface SendMessageUseCase {
    SendMessageResult sendMessage(SendMessageCommand command);
}
