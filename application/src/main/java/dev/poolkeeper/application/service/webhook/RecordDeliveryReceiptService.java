package dev.poolkeeper.application.service.webhook;

import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.application.port.in.webhook.RecordDeliveryReceiptUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.stats.DeliveryDayRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.health.HealthChanges;
import dev.poolkeeper.application.service.health.HealthJudge;
import dev.poolkeeper.domain.message.DeliveryOutcome;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.number.HealthPolicy;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * In one unit of work: note the receipt (a repeat stops here), find its message (by the provider's id,
 * or else the newest unreconciled message between the same two numbers), move the message's status,
 * and, for a final delivered / not delivered receipt, the pool's count of the day and the sending number's
 * health window; a change of health is recorded by {@link HealthChanges}.
 */
public final class RecordDeliveryReceiptService implements RecordDeliveryReceiptUseCase {
    private final MessageRepository messages;
    private final dev.poolkeeper.application.service.messaging.MessageStore store;
    private final WebhookReceiptLog receiptLog;
    private final HealthJudge judge;
    private final DeliveryDayRepository days;
    private final TransactionRunner tx;
    private final Clock clock;

    public RecordDeliveryReceiptService(MessageRepository messages,
                                        dev.poolkeeper.application.service.messaging.MessageStore store,
                                        WebhookReceiptLog receiptLog,
                                        NumberHealthRepository health, HealthChanges changes, HealthPolicy policy,
                                        DeliveryDayRepository days, TransactionRunner tx, Clock clock) {
        this.days = days;
        this.messages = messages;
        this.store = store;
        this.receiptLog = receiptLog;
        this.judge = new HealthJudge(health, changes, policy);
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Result recordDeliveryReceipt(DeliveryReceipt receipt) {
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            Optional<Message> found = messages.lockByProviderId(receipt.provider(), receipt.providerMessageId());
            boolean reconciling = false;
            if (found.isEmpty() && receipt.from().isPresent() && receipt.to().isPresent()) {
                found = messages.lockUnreconciled(receipt.provider(), receipt.from().get(), receipt.to().get());
                reconciling = found.isPresent();
            }
            if (found.isPresent() && receipt.account().isPresent()
                    && !found.get().accountId().equals(receipt.account().get())) {
                // signed with one account's own secret, about another account's message: not its to report,
                // and it must not use up the real receipt's place in the log either
                return Result.UNKNOWN_MESSAGE;
            }
            if (!receiptLog.firstSeen(receipt.provider(), "dlr:" + receipt.providerMessageId() + ":"
                    + receipt.providerStatus(), now)) {
                return Result.DUPLICATE;
            }
            if (found.isEmpty()) {
                return Result.UNKNOWN_MESSAGE;
            }
            if (reconciling) {
                found.get().reconcile(receipt.providerMessageId(), now);
            }
            Message message = found.get();
            message.applyReceipt(receipt.outcome(), receipt.errorCode().orElse(receipt.providerStatus()),
                    "provider status " + receipt.providerStatus(), now);
            store.update(message);
            if (receipt.outcome().countsForHealth()) {
                boolean delivered = receipt.outcome() == DeliveryOutcome.DELIVERED;
                days.count(message.poolId(), message.sender().from(), LocalDate.ofInstant(now, ZoneOffset.UTC),
                        delivered);
                if (!message.sender().isAlphanumeric()) {
                    judge(message, delivered, now);
                }
            }
            return Result.APPLIED;
        });
    }

    private void judge(Message message, boolean delivered, Instant now) {
        judge.judge(message.accountId(), PhoneNumber.parse(message.sender().from()), delivered, "receipt", now);
    }
}
