package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Messages, looked up within an account, or by the provider's id when a receipt comes back. */
public interface MessageRepository {
    /**
     * Stores a new message. Returns false, and stores nothing, when the account already has a message bound
     * to the same idempotency key (a concurrent retry stored it first).
     */
    boolean insert(Message message);

    /** Many new messages, with their events, are stored by {@link MessageOutbox#insertAll}. */
    void update(Message message);

    Optional<Message> find(AccountId accountId, MessageId id);

    /** The account's message bound to a client's idempotency key, however old. */
    Optional<Message> findByIdempotencyKey(AccountId accountId, String idempotencyKey);

    /** The messages bound to those of {@code keys} that are bound, by key. */
    default Map<String, Message> findByIdempotencyKeys(AccountId accountId, Collection<String> keys) {
        Map<String, Message> found = new HashMap<>();
        for (String key : keys) {
            findByIdempotencyKey(accountId, key).ifPresent(m -> found.put(key, m));
        }
        return found;
    }

    /**
     * Writes a message a dispatcher read unlocked, only if its row is still as read: waiting ({@code queued}
     * or {@code scheduled}) and last changed at {@code readUpdatedAt}. False, writing nothing, when another
     * instance took or changed it, or it was canceled, meanwhile.
     */
    boolean updateIfWaiting(Message message, Instant readUpdatedAt);

    /**
     * The head of the queue: up to {@code limit} waiting messages due by {@code now}, high priority first,
     * then by due time and age, skipping those from the senders in {@code skipSenders}. Read without locks.
     */
    List<Message> due(Instant now, Set<String> skipSenders, int limit);

    /** How many messages of the pool wait (queued or scheduled). */
    long waiting(PoolId poolId);

    /** Per pool with messages due by {@code now}: how many, and since when the oldest is due. */
    Map<PoolId, QueueBacklog> backlogs(Instant now);

    /** The same, for the pools of one account. */
    Map<PoolId, QueueBacklog> backlogs(AccountId accountId, Instant now);


    /** The account's message, locked until the unit of work ends. */
    Optional<Message> lock(AccountId accountId, MessageId id);

    /** Up to {@code limit} waiting messages whose validity ended by {@code now}, locked; held rows skipped. */
    List<Message> lockExpired(Instant now, int limit);

    /**
     * Up to {@code limit} messages still {@code sending}, not awaiting reconciliation, and unchanged since
     * {@code updatedBefore}: sends a crash interrupted. Locked until the unit of work ends; rows another
     * instance holds are skipped.
     */
    List<Message> lockInterrupted(Instant updatedBefore, int limit);

    /**
     * Up to {@code limit} messages {@code sending} whose provider answer was lost and that no receipt settled
     * since {@code updatedBefore}, locked; held rows skipped.
     */
    List<Message> lockUnanswered(Instant updatedBefore, int limit);

    /** A page of the account's messages that {@code query} lets through, newest first. */
    Page<Message> list(AccountId accountId, MessageFilter query, PageRequest page);

    /** The message a provider knows as {@code providerMessageId}, locked until the unit of work ends. */
    Optional<Message> lockByProviderId(Provider provider, String providerMessageId);

    /**
     * The newest message from {@code from} to {@code to} through {@code provider} whose send answer was
     * lost, locked until the unit of work ends: a receipt for it tells its provider id.
     */
    Optional<Message> lockUnreconciled(Provider provider, String from, String to);
}
