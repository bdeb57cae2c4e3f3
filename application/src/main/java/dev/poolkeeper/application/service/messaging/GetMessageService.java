package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.messaging.GetMessageUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;

public final class GetMessageService implements GetMessageUseCase {
    private final MessageRepository messages;

    public GetMessageService(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Message getMessage(Caller caller, MessageId id) {
        return messages.find(caller.accountId(), id).orElseThrow(() -> Message.notFound(id.value()));
    }
}
