package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Messages, looked up within an account, or by the provider's id when a receipt comes back. */
public interface MessageRepository {
    /**
     * Stores a new message. Returns false, and stores nothing, when the account already has a message bound
     * to the same idempotency key (a concurrent retry stored it first).
     */
    boolean insert(Message message);

    void update(Message message);

    Optional<Message> find(AccountId accountId, MessageId id);

    /** The account's message bound to a client's idempotency key, however old. */
    Optional<Message> findByIdempotencyKey(AccountId accountId, String idempotencyKey);

    /**
     * Up to {@code limit} messages still {@code queued}, not awaiting reconciliation, and unchanged since
     * {@code updatedBefore}: sends a crash interrupted. Locked until the unit of work ends; rows another
     * instance holds are skipped.
     */
    List<Message> lockInterrupted(Instant updatedBefore, int limit);

    /** The message a provider knows as {@code providerMessageId}, locked until the unit of work ends. */
    Optional<Message> lockByProviderId(Provider provider, String providerMessageId);

    /**
     * The newest message from {@code from} to {@code to} through {@code provider} whose send answer was
     * lost, locked until the unit of work ends: a receipt for it tells its provider id.
     */
    Optional<Message> lockUnreconciled(Provider provider, String from, String to);
}
