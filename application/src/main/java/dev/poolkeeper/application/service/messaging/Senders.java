package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.domain.selection.Candidate;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns decisions into senders, shared by accepting a message and dispatching it: a selected number, or
 * the pool's alphanumeric sender through the first provider that sends it; and the next sender after one
 * turned out unusable, another provider's number first.
 */
final class Senders {
    private final SenderDecisions decisions;
    private final SyncPartRepository parts;
    private final ProviderPorts ports;

    Senders(SenderDecisions decisions, SyncPartRepository parts, ProviderPorts ports) {
        this.decisions = decisions;
        this.parts = parts;
        this.ports = ports;
    }

    /** The next sender and the trace of how it was chosen. */
    record Next(Optional<Sender> sender, List<TraceStep> trace) {
    }

    /** The sender a decision names, through a provider that has not failed this message. */
    Optional<Sender> senderOf(AccountId account, Decision decision, Set<Provider> failedProviders,
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
     * The next sender after {@code failed} turned out unusable: another provider's number if there is one,
     * else any number not {@code tried}. Chosen as a queued message's sender is: no budget taken.
     */
    Next next(Message message, Sender failed, Set<String> tried, Set<Provider> failedProviders, String why) {
        Map<Provider, String> mirrors = failed.isAlphanumeric() ? mirrors(message.poolId()) : Map.of();
        if (failed.isAlphanumeric()) {
            Optional<Sender> other = alphanumeric(message.accountId(), failed.from(), failedProviders, mirrors);
            return new Next(other, List.of(new TraceStep("failover", other.isPresent() ? 1 : 0, why + "; " + other
                    .map(s -> "alphanumeric sender through " + s.provider().wireName())
                    .orElse("no other provider sends alphanumeric"))));
        }
        Predicate<Candidate> untried = c -> !tried.contains(c.number().e164());
        List<TraceStep> trace = new ArrayList<>();
        trace.add(new TraceStep("failover", 0, why + "; choosing again without " + tried
                + ", preferring providers other than " + failedProviders.stream().map(Provider::wireName).toList()));
        Decision decision = decisions.decideToQueue(message.accountId(), message.poolId(), message.to(),
                untried.and(c -> !failedProviders.contains(c.provider()))).decision();
        if (decision instanceof Decision.Refused) {
            decision = decisions.decideToQueue(message.accountId(), message.poolId(), message.to(), untried)
                    .decision();
        }
        trace.addAll(decision.trace());
        return new Next(senderOf(message.accountId(), decision, failedProviders, mirrors), trace);
    }

    /** The pool's mirrors at the providers: provider → the provider's pool id, for those it has one at. */
    Map<Provider, String> mirrors(PoolId poolId) {
        Map<Provider, String> mirrors = new EnumMap<>(Provider.class);
        for (SyncPart part : parts.parts(poolId)) {
            part.providerPoolId().ifPresent(id -> mirrors.put(part.provider(), id));
        }
        return mirrors;
    }

    /**
     * The provider of the lowest {@link ProviderCapabilities#alphanumericRank()} that sends alphanumeric (for
     * some, only through the pool's mirror there), is configured and has not failed this message.
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

    private static Sender alphanumericThrough(String from, Provider provider) {
        return new Sender(from, provider, Optional.<NumberType>empty(), Reason.FALLBACK_CUSTOM_FROM);
    }
}
