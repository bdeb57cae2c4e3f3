package dev.poolkeeper.application.port.in.messaging;

import java.util.List;

/**
 * Accepts messages: chooses each one's sender and stores it {@code queued} (or {@code scheduled}); the
 * dispatchers send it. Never waits for a provider. A recipient the pool cannot serve is refused, and a
 * pool whose queue is full answers {@code queue.full}, before anything is stored.
 */
public interface SendMessageUseCase {
    SendMessageResult sendMessage(SendMessageCommand command);

    /** Each message on its own: one item's refusal or error does not stop the others. */
    List<BatchItem> sendBatch(List<SendMessageCommand> commands);

    /** One batch item's result: the stored message or refusal, or the error it met. */
    record BatchItem(java.util.Optional<SendMessageResult> result,
                     java.util.Optional<dev.poolkeeper.domain.shared.DomainException> error) {
    }
}
