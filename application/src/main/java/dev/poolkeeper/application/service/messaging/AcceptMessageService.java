package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageResult;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.SendOptions;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.service.event.CallbackSigners;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Accepts a message: checks it, decides its sender (a real decision — the sticky mapping is recorded —
 * that takes no send budget: the dispatchers take it when they send), checks the pool's queue bound, and
 * stores it {@code queued} or {@code scheduled}. Never calls a provider. An {@code Idempotency-Key} seen
 * before leads back to its message, whatever became of it.
 *
 * <p>Messages are accepted in batches ({@link #acceptAll}): a batch request's items, and single messages
 * that arrive while others are being accepted ({@link Combiner}), share their reads and their writes.
 */
public final class AcceptMessageService implements SendMessageUseCase {
    /** The most single messages accepted together. */
    static final int MAX_TOGETHER = 200;

    private final SenderDecisions decisions;
    private final MessageRepository messages;
    private final MessageStore store;
    private final Senders senders;
    private final QueueBound bound;
    private final CallbackSigners signers;
    private final Clock clock;
    private final Combiner<SendMessageCommand, BatchItem> together = new Combiner<>(this::acceptAll, MAX_TOGETHER);

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

    /** Accepted together with the single messages that arrive at the same time (see {@link #acceptAll}). */
    @Override
    public SendMessageResult sendMessage(SendMessageCommand command) {
        BatchItem item = together.serve(command);
        if (item.error().isPresent()) {
            throw item.error().get();
        }
        return item.result().orElseThrow();
    }

    @Override
    public List<BatchItem> sendBatch(List<SendMessageCommand> commands) {
        return acceptAll(commands);
    }

    /**
     * Accepts messages, each on its own — an item's refusal or error leaves the others alone — with the
     * database work shared: an account's idempotency keys read in one query, a pool's decisions on one read
     * transaction ({@link SenderDecisions#decideAllToQueue}), the new messages and their
     * {@code message.queued} events stored in one transaction. The results are those of accepting the
     * messages one after the other: a key named twice leads back to the first item's message, and a pool's
     * queue bound counts the items before. A message is counted in its pool's bound once decided, before it is
     * stored, so that batch requests accepted at the same time count each other's messages.
     */
    List<BatchItem> acceptAll(List<SendMessageCommand> commands) {
        Instant now = Times.now(clock);
        Batch batch = new Batch(commands);
        Map<AccountId, Map<String, Message>> boundKeys = boundKeys(commands);
        Map<List<Object>, Integer> firstWithKey = new HashMap<>();
        List<Integer> keyOfAnEarlierItem = new ArrayList<>();
        Map<List<Object>, List<Integer>> byPool = new LinkedHashMap<>();
        Submission[] submissions = new Submission[commands.size()];
        for (int i = 0; i < commands.size(); i++) {
            SendMessageCommand command = commands.get(i);
            try {
                submissions[i] = checked(command, now);
                Optional<String> key = command.idempotencyKey();
                Message earlier = key.map(k -> boundKeys.get(command.caller().accountId()).get(k)).orElse(null);
                if (earlier != null) {
                    batch.results[i] = stored(retryOf(command, earlier));
                } else if (key.isPresent()
                        && firstWithKey.putIfAbsent(List.of(command.caller().accountId(), key.get()), i) != null) {
                    keyOfAnEarlierItem.add(i);
                } else {
                    byPool.computeIfAbsent(List.of(command.caller().accountId(), command.poolId()),
                            k -> new ArrayList<>()).add(i);
                }
            } catch (DomainException e) {
                batch.results[i] = failed(e);
            }
        }
        byPool.values().forEach(items -> decide(batch, items, submissions, now));
        if (!batch.accepted.isEmpty() && store.insertAll(batch.accepted)) {
            for (int j = 0; j < batch.accepted.size(); j++) {
                batch.results[batch.acceptedItems.get(j)] = stored(batch.accepted.get(j));
            }
        } else {
            for (int j = 0; j < batch.accepted.size(); j++) {
                Message m = batch.accepted.get(j);
                SendMessageCommand command = commands.get(batch.acceptedItems.get(j));
                batch.results[batch.acceptedItems.get(j)] = each(() -> storeCounted(m, command));
            }
        }
        for (int i : keyOfAnEarlierItem) {
            SendMessageCommand command = commands.get(i);
            batch.results[i] = each(() -> acceptOne(command));
        }
        return List.of(batch.results);
    }

    /** The items of one batch: a result for each, and the messages to store with the items they are for. */
    private static final class Batch {
        final List<SendMessageCommand> commands;
        final BatchItem[] results;
        final List<Message> accepted = new ArrayList<>();
        final List<Integer> acceptedItems = new ArrayList<>();

        Batch(List<SendMessageCommand> commands) {
            this.commands = commands;
            this.results = new BatchItem[commands.size()];
        }
    }

    /** Decides the senders of one pool's items and makes their messages; refusals and errors are results. */
    private void decide(Batch batch, List<Integer> items, Submission[] submissions, Instant now) {
        SendMessageCommand first = batch.commands.get(items.get(0));
        List<PhoneNumber> recipients = items.stream().map(i -> batch.commands.get(i).to()).toList();
        List<SenderDecisions.Choice> choices;
        try {
            choices = decisions.decideAllToQueue(first.caller().accountId(), first.poolId(), recipients);
        } catch (DomainException e) {
            items.forEach(i -> batch.results[i] = failed(e));
            return;
        }
        for (int j = 0; j < items.size(); j++) {
            int i = items.get(j);
            SenderDecisions.Choice choice = choices.get(j);
            try {
                if (choice.decision() instanceof Decision.Refused refused) {
                    batch.results[i] = new BatchItem(Optional.of(SendMessageResult.refused(refused)), Optional.empty());
                    continue;
                }
                bound.admit(choice.pool(), choice.index());
                batch.accepted.add(message(batch.commands.get(i), choice, submissions[i], now));
                batch.acceptedItems.add(i);
            } catch (DomainException e) {
                batch.results[i] = failed(e);
            }
        }
    }

    /** One message on its own: the first of a batch's items with its key is stored by now, or failed. */
    private SendMessageResult acceptOne(SendMessageCommand command) {
        Instant now = Times.now(clock);
        Submission submission = checked(command, now);
        Optional<Message> earlier = boundToKey(command);
        if (earlier.isPresent()) {
            return SendMessageResult.stored(earlier.get());
        }
        SenderDecisions.Choice choice = decisions.decideToQueue(command.caller().accountId(), command.poolId(),
                command.to(), candidate -> true);
        if (choice.decision() instanceof Decision.Refused refused) {
            return SendMessageResult.refused(refused);
        }
        bound.admit(choice.pool(), choice.index());
        return storeCounted(message(command, choice, submission, now), command);
    }

    /**
     * Stores one message already counted in its pool's queue bound; when its key was bound meanwhile, the
     * message bound to it (and the bound counts one too many until it next reads the pool's queue).
     */
    private SendMessageResult storeCounted(Message message, SendMessageCommand command) {
        if (!store.insert(message)) {
            return SendMessageResult.stored(boundToKey(command).orElseThrow());
        }
        return SendMessageResult.stored(message);
    }

    /** The message of a command {@link #checked} before, from the sender its choice selected. */
    private Message message(SendMessageCommand command, SenderDecisions.Choice choice, Submission submission,
                            Instant now) {
        NumberPool pool = choice.pool();
        Map<Provider, String> mirrors = choice.decision() instanceof Decision.AlphanumericSender
                ? senders.mirrors(pool.id()) : Map.of();
        Sender sender = senders.senderOf(pool.accountId(), choice.decision(), EnumSet.noneOf(Provider.class), mirrors)
                .orElseThrow();
        return Message.accept(pool.accountId(), pool.id(), command.to(), command.text(), sender,
                choice.decision().trace(), command.idempotencyKey(), submission, now);
    }

    /** The message's text and options checked, and its status callback signed by one of the account's endpoints. */
    private Submission checked(SendMessageCommand command, Instant now) {
        Message.checkText(command.text());
        SendOptions options = command.options();
        Submission submission = Submission.of(options.priority(), options.sendAt(), options.validityPeriod(),
                options.clientReference(), options.statusCallback(), now);
        if (submission.statusCallback().isPresent()
                && signers.signer(command.caller().accountId(), submission.statusCallback().get()).isEmpty()) {
            throw DomainException.invalidField("status_callback", "must be on the origin (scheme, host and port) of"
                    + " one of the account's enabled event endpoints, whose secret signs it");
        }
        return submission;
    }

    /** The messages bound to the items' idempotency keys, per account, read in one query per account. */
    private Map<AccountId, Map<String, Message>> boundKeys(List<SendMessageCommand> commands) {
        Map<AccountId, Set<String>> keys = commands.stream().filter(c -> c.idempotencyKey().isPresent())
                .collect(Collectors.groupingBy(c -> c.caller().accountId(),
                        Collectors.mapping(c -> c.idempotencyKey().get(), Collectors.toSet())));
        Map<AccountId, Map<String, Message>> bound = new HashMap<>();
        keys.forEach((account, set) -> bound.put(account, messages.findByIdempotencyKeys(account, set)));
        return bound;
    }

    /**
     * The message an earlier request with the same idempotency key stored (whatever became of it since),
     * checked to be the same message: a key reused for another message is refused.
     */
    private Optional<Message> boundToKey(SendMessageCommand command) {
        return command.idempotencyKey()
                .flatMap(key -> messages.findByIdempotencyKey(command.caller().accountId(), key))
                .map(found -> retryOf(command, found));
    }

    private static Message retryOf(SendMessageCommand command, Message found) {
        if (!found.isRetryOf(command.poolId(), command.to(), command.text())) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another message (" + found.id().value() + ")");
        }
        return found;
    }

    private static BatchItem stored(Message message) {
        return new BatchItem(Optional.of(SendMessageResult.stored(message)), Optional.empty());
    }

    private static BatchItem failed(DomainException e) {
        return new BatchItem(Optional.empty(), Optional.of(e));
    }

    private static BatchItem each(Supplier<SendMessageResult> work) {
        try {
            return new BatchItem(Optional.of(work.get()), Optional.empty());
        } catch (DomainException e) {
            return failed(e);
        }
    }
}
