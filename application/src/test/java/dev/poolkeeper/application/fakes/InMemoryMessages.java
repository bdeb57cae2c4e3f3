package dev.poolkeeper.application.fakes;

import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Messages and handled webhooks in memory. Stores the aggregate itself: the services own its changes. */
public final class InMemoryMessages implements MessageRepository, WebhookReceiptLog {
    private final Map<MessageId, Message> messages = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    /** How many times each message was written, to check that it is stored before any send. */
    public final List<String> writes = new ArrayList<>();
    /** The sizes of the batches stored with {@link #insertAll}. */
    public final List<Integer> batches = new ArrayList<>();

    @Override
    public synchronized boolean insert(Message message) {
        if (message.idempotencyKey().isPresent()
                && findByIdempotencyKey(message.accountId(), message.idempotencyKey().get()).isPresent()) {
            return false;
        }
        messages.put(message.id(), message);
        writes.add("insert " + message.status().wireName());
        return true;
    }

    /** All or nothing, as the database's one statement in its transaction; its size recorded in {@link #batches}. */
    public synchronized boolean insertAll(List<Message> batch) {
        if (batch.stream().anyMatch(m -> m.idempotencyKey().isPresent()
                && findByIdempotencyKey(m.accountId(), m.idempotencyKey().get()).isPresent())) {
            return false;
        }
        batch.forEach(m -> {
            messages.put(m.id(), m);
            writes.add("insert " + m.status().wireName());
        });
        batches.add(batch.size());
        return true;
    }

    @Override
    public synchronized Optional<Message> findByIdempotencyKey(AccountId accountId, String idempotencyKey) {
        return messages.values().stream().filter(m -> m.accountId().equals(accountId))
                .filter(m -> m.idempotencyKey().filter(idempotencyKey::equals).isPresent()).findFirst();
    }

    @Override
    public synchronized List<Message> lockInterrupted(Instant updatedBefore, int limit) {
        return messages.values().stream().filter(m -> m.status() == MessageStatus.SENDING)
                .filter(m -> !m.needsReconciliation() && m.updatedAt().isBefore(updatedBefore)).limit(limit).toList();
    }

    @Override
    public synchronized List<Message> lockUnanswered(Instant updatedBefore, int limit) {
        return messages.values().stream().filter(m -> m.status() == MessageStatus.SENDING)
                .filter(m -> m.needsReconciliation() && m.updatedAt().isBefore(updatedBefore)).limit(limit).toList();
    }

    @Override
    public synchronized List<Message> lockExpired(Instant now, int limit) {
        return messages.values().stream().filter(m -> m.status().isWaiting())
                .filter(m -> !m.submission().expiresAt().isAfter(now)).limit(limit).toList();
    }

    @Override
    public synchronized boolean updateIfWaiting(Message message, Instant readUpdatedAt) {
        Message stored = messages.get(message.id());
        if (stored != null && (!stored.status().isWaiting() || !stored.updatedAt().equals(readUpdatedAt))) {
            return false;
        }
        update(message);
        return true;
    }

    @Override
    public synchronized List<Message> due(Instant now, Set<String> skipSenders, int limit) {
        return messages.values().stream().filter(m -> m.status().isWaiting() && !m.dueAt().isAfter(now))
                .filter(m -> !skipSenders.contains(m.sender().from()))
                .sorted(Comparator.comparingInt((Message m) -> m.submission().priority().lane())
                        .thenComparing(Message::dueAt))
                .limit(limit).map(this::copy).toList();
    }

    @Override
    public synchronized long waiting(PoolId poolId) {
        return messages.values().stream().filter(m -> m.poolId().equals(poolId) && m.status().isWaiting()).count();
    }

    @Override
    public synchronized Map<PoolId, QueueBacklog> backlogs(Instant now) {
        return backlogs(null, now);
    }

    @Override
    public synchronized Map<PoolId, QueueBacklog> backlogs(dev.poolkeeper.domain.account.AccountId accountId,
                                                          Instant now) {
        Map<PoolId, QueueBacklog> backlogs = new HashMap<>();
        messages.values().stream().filter(m -> m.status().isWaiting() && !m.dueAt().isAfter(now)
                && (accountId == null || m.accountId().equals(accountId))).forEach(m ->
                backlogs.merge(m.poolId(), new QueueBacklog(1, m.dueAt()), (a, b) -> new QueueBacklog(a.depth() + b.depth(),
                        a.oldestDue().isBefore(b.oldestDue()) ? a.oldestDue() : b.oldestDue())));
        return backlogs;
    }

    @Override
    public synchronized Optional<Message> lock(AccountId accountId, MessageId id) {
        return find(accountId, id);
    }

    @Override
    public synchronized Page<Message> list(AccountId accountId, MessageFilter query, PageRequest page) {
        List<Message> newestFirst = new ArrayList<>(messages.values().stream()
                .filter(m -> m.accountId().equals(accountId))
                .filter(m -> query.status().map(s -> s == m.status()).orElse(true))
                .filter(m -> query.pool().map(p -> p.equals(m.poolId())).orElse(true)).toList());
        java.util.Collections.reverse(newestFirst);
        return new Page<>(newestFirst.stream().limit(page.size()).toList(), java.util.OptionalLong.empty());
    }

    /**
     * A dispatcher reads the queue without locks: it gets a snapshot, as from a database, so a stale read
     * is caught by {@link #updateIfWaiting}.
     */
    private Message copy(Message m) {
        return Message.reconstitute(m.id(), m.accountId(), m.poolId(), m.to(), m.text(), m.sender(), m.status(),
                m.providerMessageId().orElse(null), m.errorCode().orElse(null), m.errorMessage().orElse(null),
                m.needsReconciliation(), m.trace(), m.attempts(), m.createdAt(), m.updatedAt(), m.idempotencyKey(),
                m.submission(), m.transitions(), m.dueAt());
    }

    @Override
    public synchronized void update(Message message) {
        messages.put(message.id(), message);
        writes.add("update " + message.status().wireName());
    }

    @Override
    public synchronized Optional<Message> find(AccountId accountId, MessageId id) {
        return Optional.ofNullable(messages.get(id)).filter(m -> m.accountId().equals(accountId));
    }

    @Override
    public synchronized Optional<Message> lockByProviderId(Provider provider, String providerMessageId) {
        return messages.values().stream().filter(m -> m.sender().provider() == provider)
                .filter(m -> m.providerMessageId().filter(providerMessageId::equals).isPresent()).findFirst();
    }

    @Override
    public synchronized Optional<Message> lockUnreconciled(Provider provider, String from, String to) {
        return messages.values().stream().filter(Message::needsReconciliation)
                .filter(m -> m.sender().provider() == provider && m.sender().from().equals(from)
                        && m.to().e164().equals(to))
                .reduce((first, second) -> second);
    }

    @Override
    public synchronized boolean firstSeen(Provider provider, String key, Instant at) {
        return seen.add(provider + "/" + key);
    }
}
