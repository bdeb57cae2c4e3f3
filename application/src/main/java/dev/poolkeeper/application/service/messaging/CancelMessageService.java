package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.messaging.CancelMessageUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

/** Cancels a waiting message under its row lock, so a dispatcher cannot claim it meanwhile. */
public final class CancelMessageService implements CancelMessageUseCase {
    private final MessageRepository messages;
    private final MessageStore store;
    private final TransactionRunner tx;
    private final Clock clock;

    public CancelMessageService(MessageRepository messages, MessageStore store, TransactionRunner tx, Clock clock) {
        this.messages = messages;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Message cancel(Caller caller, MessageId id) {
        return tx.inTransaction(() -> {
            Message message = messages.lock(caller.accountId(), id)
                    .orElseThrow(() -> Message.notFound(id.value()));
            message.cancel(Times.now(clock));
            store.update(message);
            return message;
        });
    }
}
