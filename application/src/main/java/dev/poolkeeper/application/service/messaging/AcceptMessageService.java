package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageResult;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.SendOptions;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Clock;
import dev.poolkeeper.application.service.event.CallbackSigners;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts a message: checks it, decides its sender (a real decision — the sticky mapping is recorded —
 * that takes no send budget: the dispatchers take it when they send), checks the pool's queue bound, and
 * stores it {@code queued} or {@code scheduled}. Never calls a provider. An {@code Idempotency-Key} seen
 * before leads back to its message, whatever became of it.
 */
public final class AcceptMessageService implements SendMessageUseCase {
    private final SenderDecisions decisions;
    private final MessageRepository messages;
    private final MessageStore store;
    private final Senders senders;
    private final QueueBound bound;
    private final CallbackSigners signers;
    private final Clock clock;

    public AcceptMessageService(SenderDecisions decisions, MessageRepository messages, MessageStore store,
                                SyncPartRepository parts, ProviderPorts ports, QueueBound bound,
                                CallbackSigners signers, Clock clock) {
        this.signers = signers;
        this.decisions = decisions;
        this.messages = messages;
        this.store = store;
        this.senders = new Senders(decisions, parts, ports);
        this.bound = bound;
        this.clock = clock;
    }

    @Override
    public SendMessageResult sendMessage(SendMessageCommand command) {
        String text = Message.checkText(command.text());
        Instant now = Times.now(clock);
        Submission submission = submission(command.options(), now);
        if (submission.statusCallback().isPresent()
                && signers.signer(command.caller().accountId(), submission.statusCallback().get()).isEmpty()) {
            throw DomainException.invalidField("status_callback", "must be on the origin (scheme, host and port) of"
                    + " one of the account's enabled event endpoints, whose secret signs it");
        }
        Optional<Message> earlier = boundToKey(command);
        if (earlier.isPresent()) {
            return SendMessageResult.stored(earlier.get());
        }
        SenderDecisions.Choice choice = decisions.decideToQueue(command.caller().accountId(), command.poolId(),
                command.to(), candidate -> true);
        if (choice.decision() instanceof Decision.Refused refused) {
            return SendMessageResult.refused(refused);
        }
        NumberPool pool = choice.pool();
        bound.check(pool, choice.index());
        Map<Provider, String> mirrors = choice.decision() instanceof Decision.AlphanumericSender
                ? senders.mirrors(pool.id()) : Map.of();
        Sender sender = senders.senderOf(pool.accountId(), choice.decision(), EnumSet.noneOf(Provider.class), mirrors)
                .orElseThrow();
        Message message = Message.accept(pool.accountId(), pool.id(), command.to(), text, sender,
                choice.decision().trace(), command.idempotencyKey(), submission, now);
        if (!store.insert(message)) {
            return SendMessageResult.stored(boundToKey(command).orElseThrow());
        }
        bound.accepted(pool.id());
        return SendMessageResult.stored(message);
    }

    @Override
    public List<BatchItem> sendBatch(List<SendMessageCommand> commands) {
        List<BatchItem> results = new ArrayList<>(commands.size());
        for (SendMessageCommand command : commands) {
            try {
                results.add(new BatchItem(Optional.of(sendMessage(command)), Optional.empty()));
            } catch (DomainException e) {
                results.add(new BatchItem(Optional.empty(), Optional.of(e)));
            }
        }
        return results;
    }

    private static Submission submission(SendOptions options, Instant now) {
        return Submission.of(options.priority(), options.sendAt(), options.validityPeriod(),
                options.clientReference(), options.statusCallback(), now);
    }

    /**
     * The message an earlier request with the same idempotency key stored (whatever became of it since),
     * checked to be the same message: a key reused for another message is refused.
     */
    private Optional<Message> boundToKey(SendMessageCommand command) {
        Optional<Message> found = command.idempotencyKey()
                .flatMap(key -> messages.findByIdempotencyKey(command.caller().accountId(), key));
        if (found.isPresent() && !found.get().isRetryOf(command.poolId(), command.to(), command.text())) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another message (" + found.get().id().value() + ")");
        }
        return found;
    }
}
