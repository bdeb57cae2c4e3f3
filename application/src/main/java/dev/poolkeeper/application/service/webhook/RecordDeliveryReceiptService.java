package dev.poolkeeper.application.service.webhook;

import dev.poolkeeper.application.port.in.webhook.DeliveryReceipt;
import dev.poolkeeper.application.port.in.webhook.RecordDeliveryReceiptUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.message.DeliveryOutcome;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.number.HealthPolicy;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * In one unit of work: note the receipt (a repeat stops here), find its message (by the provider's id,
 * or else the newest unreconciled message between the same two numbers), move the message's status,
 * and, for a final delivered / not delivered receipt, the sending number's health window. A change of
 * health moves the pool's {@code updated_at}, so every instance rebuilds its selection index, and is
 * written to the pool's events.
 */
public final class RecordDeliveryReceiptService implements RecordDeliveryReceiptUseCase {
    private final MessageRepository messages;
    private final WebhookReceiptLog receiptLog;
    private final NumberHealthRepository health;
    private final PoolRepository pools;
    private final PoolEventRepository events;
    private final HealthPolicy policy;
    private final TransactionRunner tx;
    private final Clock clock;

    public RecordDeliveryReceiptService(MessageRepository messages, WebhookReceiptLog receiptLog,
                                        NumberHealthRepository health, PoolRepository pools, PoolEventRepository events,
                                        HealthPolicy policy, TransactionRunner tx, Clock clock) {
        this.messages = messages;
        this.receiptLog = receiptLog;
        this.health = health;
        this.pools = pools;
        this.events = events;
        this.policy = policy;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Result recordDeliveryReceipt(DeliveryReceipt receipt) {
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            if (!receiptLog.firstSeen(receipt.provider(), "dlr:" + receipt.providerMessageId() + ":"
                    + receipt.providerStatus(), now)) {
                return Result.DUPLICATE;
            }
            Optional<Message> found = messages.lockByProviderId(receipt.provider(), receipt.providerMessageId());
            if (found.isEmpty() && receipt.from().isPresent() && receipt.to().isPresent()) {
                found = messages.lockUnreconciled(receipt.provider(), receipt.from().get(), receipt.to().get());
                found.ifPresent(m -> m.reconcile(receipt.providerMessageId(), now));
            }
            if (found.isEmpty()) {
                return Result.UNKNOWN_MESSAGE;
            }
            Message message = found.get();
            message.applyReceipt(receipt.outcome(), receipt.errorCode().orElse(receipt.providerStatus()),
                    "provider status " + receipt.providerStatus(), now);
            messages.update(message);
            if (receipt.outcome().countsForHealth() && !message.sender().isAlphanumeric()) {
                judge(message, receipt.outcome() == DeliveryOutcome.DELIVERED, now);
            }
            return Result.APPLIED;
        });
    }

    private void judge(Message message, boolean delivered, Instant now) {
        PhoneNumber number = PhoneNumber.parse(message.sender().from());
        health.lock(message.accountId(), number).ifPresent(state -> {
            HealthWindow window = state.window().add(delivered, policy);
            NumberHealth next = window.judge(state.health(), policy);
            health.save(message.accountId(), number, next, window);
            if (next != state.health()) {
                pools.touch(message.accountId(), state.poolId(), now);
                events.append(PoolEvent.bySystem(message.accountId(), state.poolId(),
                        PoolEventType.NUMBER_HEALTH_CHANGED, now,
                        Map.of("number", number.e164(), "health", state.health().wireName()),
                        Map.of("number", number.e164(), "health", next.wireName(),
                                "delivered_share", Math.round(window.deliveredShare() * 100) / 100.0,
                                "receipts", window.receipts().length())));
            }
        });
    }
}
