package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.application.port.in.messaging.DispatchMessagesUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.application.service.selection.SendPacing;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Candidate;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queue's dispatcher. A pass reads the head of the queue (high priority first, then by due time), and
 * claims each message whose sender has a token in its send budget — the budget every instance shares —
 * by moving it to {@code sending} with a conditional write, so two instances never claim one message.
 * With several instances alive, each dispatches the messages of its own share of the senders
 * ({@link DispatchPartition}), so each number's sends are paced in one place.
 * A message whose sender has no token waits for it (a sticky recipient keeps its sender); one whose sender
 * became unusable (removed from the pool, unhealthy in a pool that skips unhealthy numbers) is given another sender, the trace saying why; one
 * past its validity expires. Sending a claimed message: an attempt that surely sent nothing (provider down,
 * not configured) gives the token back and puts the message back in the queue for another sender —
 * another provider's first — or, when there is none, for the same one after a backoff, up to
 * {@code maxAttempts} attempts; an accepted, refused or lost answer is final (a lost one is reconciled by
 * a receipt, never sent again).
 */
public final class DispatchMessagesService implements DispatchMessagesUseCase {
    /** How many of the queue's head a pass looks at. */
    static final int WINDOW = 500;

    private final SenderDecisions decisions;
    private final MessageRepository messages;
    private final MessageStore store;
    private final Senders senders;
    private final ProviderPorts ports;
    private final SendBudgets budgets;
    private final SendPacing pacing;
    private final DispatchPartition partition;
    private final int maxAttempts;
    private final Clock clock;

    public DispatchMessagesService(SenderDecisions decisions, MessageRepository messages, MessageStore store,
                                   SyncPartRepository parts, ProviderPorts ports, SendBudgets budgets,
                                   SendPacing pacing, DispatchPartition partition, int maxAttempts, Clock clock) {
        this.pacing = pacing;
        this.partition = partition;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.decisions = decisions;
        this.messages = messages;
        this.store = store;
        this.senders = new Senders(decisions, parts, ports);
        this.ports = ports;
        this.budgets = budgets;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Override
    public Pass claimDue() {
        Instant now = Times.now(clock);
        // senders out of budget, and those another instance dispatches: the pass looks past both
        Set<String> outOfBudget = new LinkedHashSet<>();
        Map<PoolId, Optional<SenderDecisions.Loaded>> pools = new HashMap<>();
        List<Message> claimed = new ArrayList<>();
        List<Message> window = messages.due(now, Set.of(), WINDOW);
        claim(window, now, outOfBudget, pools, claimed);
        if (claimed.isEmpty() && window.size() == WINDOW && !outOfBudget.isEmpty()) {
            // the head is all for senders out of budget: look past them
            claim(messages.due(now, outOfBudget, WINDOW), now, outOfBudget, pools, claimed);
        }
        return new Pass(claimed, !window.isEmpty());
    }

    private void claim(List<Message> window, Instant now, Set<String> outOfBudget,
                       Map<PoolId, Optional<SenderDecisions.Loaded>> pools, List<Message> claimed) {
        for (Message m : window) {
            Instant read = m.updatedAt();
            Sender sender = m.sender();
            if (outOfBudget.contains(sender.from())) {
                continue;
            }
            if (!partition.owns(sender.from())) {
                outOfBudget.add(sender.from());
                continue;
            }
            if (m.expire(now)) {
                store.updateIfWaiting(m, read);
                continue;
            }
            if (!sender.isAlphanumeric()) {
                Optional<SenderDecisions.Loaded> pool = pools.computeIfAbsent(m.poolId(),
                        id -> decisions.load(m.accountId(), id));
                Optional<String> unusable = unusable(pool, sender);
                if (unusable.isPresent()) {
                    reroute(m, pool.isPresent(), unusable.get(), now);
                    store.updateIfWaiting(m, read);
                    continue;
                }
                if (!pacing.ready(number(sender), type(sender)) || !budgets.tryTake(number(sender), type(sender))) {
                    outOfBudget.add(sender.from());
                    continue;
                }
            }
            m.startSending(now);
            if (store.updateIfWaiting(m, read)) {
                claimed.add(m);
            } else if (!sender.isAlphanumeric()) {
                budgets.giveBack(number(sender));
            }
        }
    }

    @Override
    public Map<PoolId, QueueBacklog> backlogs() {
        return messages.backlogs(Times.now(clock));
    }

    /** Why the sender cannot send for its pool any more, if it cannot. */
    private static Optional<String> unusable(Optional<SenderDecisions.Loaded> pool, Sender sender) {
        if (pool.isEmpty()) {
            return Optional.of("the pool was deleted");
        }
        Optional<Candidate> member = pool.get().index().member(number(sender));
        if (member.isEmpty()) {
            return Optional.of("sender " + sender.from() + " was removed from the pool");
        }
        if (member.get().isUnhealthy() && pool.get().pool().settings().skipUnhealthy()) {
            return Optional.of("sender " + sender.from() + " turned unhealthy");
        }
        return Optional.empty();
    }

    /** Another sender for a waiting message whose sender became unusable; failed when there is none. */
    private void reroute(Message m, boolean poolExists, String why, Instant now) {
        if (!poolExists) {
            m.giveUp(List.of(new TraceStep("dispatch", 0, why)), ErrorCode.POOL_NOT_FOUND.code(), why, now);
            return;
        }
        Senders.Next next = senders.next(m, m.sender(), Set.of(m.sender().from()), EnumSet.noneOf(Provider.class),
                why);
        if (next.sender().isPresent()) {
            m.requeue(next.sender().get(), next.trace(), now, now);
        } else {
            m.giveUp(next.trace(), ErrorCode.SELECTION_NO_HEALTHY_NUMBER.code(), why + "; no other sender", now);
        }
    }

    @Override
    public void send(Message m) {
        Sender sender = m.sender();
        Optional<SenderDecisions.Loaded> pool = decisions.load(m.accountId(), m.poolId());
        Optional<ConnectionId> connection = pool.flatMap(p -> p.index().connection(sender.provider()));
        Map<Provider, String> mirrors = sender.isAlphanumeric() ? senders.mirrors(m.poolId()) : Map.of();
        Optional<SendPacing.Slot> slot = sender.isAlphanumeric() ? Optional.empty()
                : Optional.of(pacing.awaitSlot(number(sender), type(sender)));
        SendResult result;
        try {
            result = send(m.accountId(), connection, sender, new OutboundSms(sender.from(), m.to(), m.text(),
                    m.id(), Optional.ofNullable(mirrors.get(sender.provider()))));
        } finally {
            slot.ifPresent(SendPacing.Slot::returned);
        }
        Instant now = Times.now(clock);
        m.record(new SendAttempt(sender.from(), sender.provider(), result.outcome(), result.code(),
                result.detail(), now), result instanceof SendResult.Accepted a
                ? Optional.of(a.providerMessageId()) : Optional.empty());
        if (result instanceof SendResult.Accepted && m.attempts().size() > 1 && !sender.isAlphanumeric()
                && pool.isPresent()) {
            decisions.stickTo(pool.get().pool(), m.to(), number(sender));
        }
        if (result instanceof SendResult.NotSent notSent) {
            if (!notSent.reachedProvider() && !sender.isAlphanumeric()) {
                budgets.giveBack(number(sender));
            }
            failOver(m, sender, notSent, now);
        }
        store.update(m);
    }

    /**
     * After an attempt that surely sent nothing: another sender, or the same one after a backoff (unless its
     * provider has no credentials: waiting would not help), or give up.
     */
    private void failOver(Message m, Sender failed, SendResult.NotSent notSent, Instant now) {
        int attempts = m.attempts().size();
        if (attempts >= maxAttempts) {
            m.giveUp(List.of(new TraceStep("failover", 0, "gave up after " + maxAttempts + " attempts")), now);
            return;
        }
        Set<String> tried = new HashSet<>();
        Set<Provider> failedProviders = EnumSet.noneOf(Provider.class);
        for (SendAttempt a : m.attempts()) {
            tried.add(a.from());
            failedProviders.add(a.provider());
        }
        Senders.Next next = senders.next(m, failed, tried, failedProviders, failed.provider().wireName()
                + " did not take the message from " + failed.from());
        if (next.sender().isPresent()) {
            m.requeue(next.sender().get(), next.trace(), now, now);
            return;
        }
        if (ErrorCode.PROVIDER_NOT_CONFIGURED.code().equals(notSent.code())) {
            m.giveUp(next.trace(), now);
            return;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 6));
        List<TraceStep> trace = new ArrayList<>(next.trace());
        trace.add(new TraceStep("failover", 1, "no other sender; trying " + failed.from() + " again in "
                + wait.toSeconds() + " s"));
        m.requeue(failed, trace, now.plus(wait), now);
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

    private static PhoneNumber number(Sender sender) {
        return new PhoneNumber(sender.from());
    }

    private static NumberType type(Sender sender) {
        return sender.type().orElse(NumberType.LONG_CODE);
    }
}
