package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.messaging.ListMessagesUseCase;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.domain.message.Message;

public final class ListMessagesService implements ListMessagesUseCase {
    private final MessageRepository messages;

    public ListMessagesService(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Page<Message> list(Caller caller, MessageFilter query, PageRequest page) {
        return messages.list(caller.accountId(), query, page);
    }
}
