package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.domain.message.Message;
import java.util.List;

/**
 * Sends queued messages as fast as their senders' budgets allow and no faster. {@link #claimDue()} takes
 * the messages whose sender has budget now (each is {@code sending} once it returns); {@link #send} hands
 * one to its provider. A caller runs {@code claimDue} in a loop and the sends on threads of its own.
 */
public interface DispatchMessagesUseCase {
    /** What one pass found: the messages claimed, and whether any message was waiting at all. */
    record Pass(List<Message> claimed, boolean backlog) {
    }

    Pass claimDue();

    /** Sends one claimed message through its sender's provider and records the outcome. */
    void send(Message claimed);

    /** Per pool with messages due now: how many, and since when the oldest is due. */
    java.util.Map<dev.poolkeeper.domain.pool.PoolId,
            dev.poolkeeper.domain.message.QueueBacklog> backlogs();
}
