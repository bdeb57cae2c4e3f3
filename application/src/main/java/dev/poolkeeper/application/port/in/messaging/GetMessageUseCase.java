package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;

/** One message of the caller's account; {@code message.not_found} otherwise. */
public interface GetMessageUseCase {
    Message getMessage(Caller caller, MessageId id);
}
