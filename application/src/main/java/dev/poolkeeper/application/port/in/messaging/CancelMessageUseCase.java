package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;

/** Cancels a message still queued or scheduled; {@code message.not_cancelable} once a provider may have it. */
public interface CancelMessageUseCase {
    Message cancel(Caller caller, MessageId id);
}
