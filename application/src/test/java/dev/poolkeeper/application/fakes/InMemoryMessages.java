package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Instant;
import java.util.ArrayList;
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

    @Override
    public synchronized Optional<Message> findByIdempotencyKey(AccountId accountId, String idempotencyKey) {
        return messages.values().stream().filter(m -> m.accountId().equals(accountId))
                .filter(m -> m.idempotencyKey().filter(idempotencyKey::equals).isPresent()).findFirst();
    }

    @Override
    public synchronized List<Message> lockInterrupted(Instant updatedBefore, int limit) {
        return messages.values().stream().filter(m -> m.status() == MessageStatus.QUEUED)
                .filter(m -> !m.needsReconciliation() && m.updatedAt().isBefore(updatedBefore)).limit(limit).toList();
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
