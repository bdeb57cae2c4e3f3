package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageResult;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.Candidate;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sends one message: decide, store, send; on a failure that surely sent nothing, decide again without
 * the numbers already tried, first among other providers' numbers, up to {@code maxAttempts} sends.
 * The message is stored before the first provider call and after every attempt, so an accepted send
 * is on record and a message is never handed to a provider after one accepted it or may have.
 */
public final class SendMessageService implements SendMessageUseCase {
    private final SenderDecisions decisions;
    private final MessageRepository messages;
    private final SyncPartRepository parts;
    private final ProviderPorts ports;
    private final int maxAttempts;
    private final Clock clock;

    public SendMessageService(SenderDecisions decisions, MessageRepository messages, SyncPartRepository parts,
                              ProviderPorts ports, int maxAttempts, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.decisions = decisions;
        this.messages = messages;
        this.parts = parts;
        this.ports = ports;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Override
    public SendMessageResult sendMessage(SendMessageCommand command) {
        String text = Message.checkText(command.text());
        PhoneNumber to = command.to();
        Optional<Message> earlier = boundToKey(command);
        if (earlier.isPresent()) {
            return SendMessageResult.stored(earlier.get());
        }
        SenderDecisions.Choice choice = decisions.decide(command.caller().accountId(), command.poolId(), to, false,
                candidate -> true);
        if (choice.decision() instanceof Decision.Refused refused) {
            return SendMessageResult.refused(refused);
        }
        NumberPool pool = choice.pool();
        Set<Provider> failedProviders = EnumSet.noneOf(Provider.class);
        Set<String> tried = new HashSet<>();
        Map<Provider, String> mirrors = choice.decision() instanceof Decision.AlphanumericSender
                ? providerPools(pool.id()) : Map.of();
        Sender sender = senderOf(pool.accountId(), choice.decision(), failedProviders, mirrors).orElseThrow();
        Message message = Message.queue(pool.accountId(), pool.id(), to, text, sender, choice.decision().trace(),
                command.idempotencyKey(), Times.now(clock));
        if (!messages.insert(message)) {
            return SendMessageResult.stored(boundToKey(command).orElseThrow());
        }
        for (int attempt = 1; ; attempt++) {
            SendResult result = send(pool.accountId(), choice.index().connection(sender.provider()), sender,
                    new OutboundSms(sender.from(), to, text, message.id(),
                    Optional.ofNullable(mirrors.get(sender.provider()))));
            message.record(new SendAttempt(sender.from(), sender.provider(), result.outcome(), result.code(),
                    result.detail(), Times.now(clock)), accepted(result));
            if (!(result instanceof SendResult.NotSent)) {
                if (result instanceof SendResult.Accepted && attempt > 1 && !sender.isAlphanumeric()) {
                    decisions.stickTo(pool, to, PhoneNumber.parse(sender.from()));
                }
                break;
            }
            if (result instanceof SendResult.NotSent notSent && !notSent.reachedProvider() && !sender.isAlphanumeric()) {
                decisions.sendNeverLeft(PhoneNumber.parse(sender.from()));
            }
            tried.add(sender.from());
            failedProviders.add(sender.provider());
            Next next = attempt < maxAttempts ? next(command, sender, tried, failedProviders, mirrors)
                    : new Next(Optional.empty(), List.of(new TraceStep("failover", 0,
                            "gave up after " + maxAttempts + " attempts")));
            if (next.sender().isEmpty()) {
                message.giveUp(next.trace(), Times.now(clock));
                break;
            }
            sender = next.sender().get();
            message.switchSender(sender, next.trace());
            messages.update(message);
        }
        messages.update(message);
        return SendMessageResult.stored(message);
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

    private record Next(Optional<Sender> sender, List<TraceStep> trace) {
    }

    /** The next sender after a failed attempt: another provider's number if there is one, else any other number. */
    private Next next(SendMessageCommand command, Sender failed, Set<String> tried, Set<Provider> failedProviders,
                      Map<Provider, String> mirrors) {
        if (failed.isAlphanumeric()) {
            Optional<Sender> other = alphanumeric(command.caller().accountId(), failed.from(), failedProviders, mirrors);
            return new Next(other, List.of(new TraceStep("failover", other.isPresent() ? 1 : 0, other
                    .map(s -> "alphanumeric sender through " + s.provider().wireName())
                    .orElse("no other provider sends alphanumeric"))));
        }
        Predicate<Candidate> untried = c -> !tried.contains(c.number().e164());
        List<TraceStep> trace = new ArrayList<>();
        trace.add(new TraceStep("failover", 0, "choosing again without " + tried + ", preferring providers other than "
                + failedProviders.stream().map(Provider::wireName).toList()));
        Decision decision = decisions.decide(command.caller().accountId(), command.poolId(), command.to(), false,
                untried.and(c -> !failedProviders.contains(c.provider()))).decision();
        if (decision instanceof Decision.Refused) {
            decision = decisions.decide(command.caller().accountId(), command.poolId(), command.to(), false, untried)
                    .decision();
        }
        trace.addAll(decision.trace());
        return new Next(senderOf(command.caller().accountId(), decision, failedProviders, mirrors), trace);
    }

    private Optional<Sender> senderOf(AccountId account, Decision decision, Set<Provider> failedProviders,
                                      Map<Provider, String> mirrors) {
        if (decision instanceof Decision.Selected s) {
            Candidate c = s.sender();
            return Optional.of(new Sender(c.number().e164(), c.provider(), Optional.of(c.type()), s.reason()));
        }
        if (decision instanceof Decision.AlphanumericSender a) {
            return alphanumeric(account, a.sender().value(), failedProviders, mirrors)
                    .or(() -> firstAlphanumeric(account).map(p -> alphanumericThrough(a.sender().value(), p)));
        }
        return Optional.empty();
    }

    /**
     * The provider of the lowest {@link dev.poolkeeper.domain.provider.ProviderCapabilities#alphanumericRank()}
     * that sends alphanumeric (for some, only through the pool's mirror there), is configured and has not
     * failed this message.
     */
    private Optional<Sender> alphanumeric(AccountId account, String from, Set<Provider> failedProviders,
                                          Map<Provider, String> mirrors) {
        return ports.sms(account).stream()
                .filter(port -> !failedProviders.contains(port.provider()) && port.configured()
                        && port.capabilities().alphanumeric().sends(mirrors.containsKey(port.provider())))
                .min(Comparator.comparingInt(port -> port.capabilities().alphanumericRank()))
                .map(port -> alphanumericThrough(from, port.provider()));
    }

    /** The provider first in line for alphanumeric senders, usable or not: its answer says why it failed. */
    private Optional<Provider> firstAlphanumeric(AccountId account) {
        return ports.sms(account).stream()
                .filter(port -> port.capabilities().alphanumeric() != ProviderCapabilities.Alphanumeric.NEVER)
                .min(Comparator.comparingInt(port -> port.capabilities().alphanumericRank()))
                .map(SmsPort::provider);
    }

    /** The pool's mirrors at the providers: provider → the provider's pool id, for those it has one at. */
    private Map<Provider, String> providerPools(PoolId poolId) {
        Map<Provider, String> mirrors = new EnumMap<>(Provider.class);
        for (SyncPart part : parts.parts(poolId)) {
            part.providerPoolId().ifPresent(id -> mirrors.put(part.provider(), id));
        }
        return mirrors;
    }

    private static Sender alphanumericThrough(String from, Provider provider) {
        return new Sender(from, provider, Optional.<NumberType>empty(),
                Reason.FALLBACK_CUSTOM_FROM);
    }

    /** Through the connection the pool's numbers at the sender's provider name, if any, else the serving one. */
    private SendResult send(AccountId account, Optional<ConnectionId> connection, Sender sender, OutboundSms sms) {
        SmsPort port = ports.sms(account, sender.provider(), connection).orElse(null);
        if (port == null) {
            return SendResult.NotSent.notConfigured(sender.provider().wireName());
        }
        try {
            return port.send(sms);
        } catch (RuntimeException e) {
            // whatever went wrong, the request may have reached the provider: never send this message again
            return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(), "the send failed unexpectedly ("
                    + e.getClass().getSimpleName() + "); the provider may have the message");
        }
    }

    private static Optional<String> accepted(SendResult result) {
        return result instanceof SendResult.Accepted a ? Optional.of(a.providerMessageId()) : Optional.empty();
    }
}
