package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.domain.message.Message;

/** The caller's account's messages, newest first, filtered. */
public interface ListMessagesUseCase {
    Page<Message> list(Caller caller, MessageFilter query, PageRequest page);
}
