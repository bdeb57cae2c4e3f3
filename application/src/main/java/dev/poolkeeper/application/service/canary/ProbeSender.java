package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a run of probes, for a request and for a schedule alike: each probe is recorded before its send
 * (a crash after the send leaves it awaited, not forgotten), through the number's own provider port.
 */
public final class ProbeSender {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final CanaryInboxRepository inboxes;
    private final ProbeRepository probes;
    private final ProviderPorts ports;
    private final Duration deadline;
    private final Clock clock;

    /** @param deadline how long after its send a probe's code must have reached the inbox */
    public ProbeSender(PoolRepository pools, PoolMemberRepository members, CanaryInboxRepository inboxes,
                       ProbeRepository probes, ProviderPorts ports, Duration deadline, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.inboxes = inboxes;
        this.probes = probes;
        this.ports = ports;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** One probe from each of {@code size} of the pool's numbers, those probed longest ago first. */
    List<Probe> probe(AccountId account, PoolId poolId, CanaryInboxId inboxId, int size) {
        NumberPool pool = pools.find(account, poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        CanaryInbox inbox = inboxes.find(account, inboxId).orElseThrow(() -> CanaryInbox.notFound(inboxId.value()));
        Instant now = Times.now(clock);
        if (!inbox.probeable(now)) {
            throw new DomainException(ErrorCode.CANARY_INBOX_NOT_PROBEABLE, inbox.probesPaused()
                    .map(why -> "probes to this inbox are paused: " + why + "; resume them when it is fixed")
                    .orElse("the inbox is " + inbox.status().wireName() + ", not active"));
        }
        PhoneNumber to = inbox.number().orElseThrow();
        Map<PhoneNumber, Instant> last = probes.lastProbed(account, pool.id());
        List<PoolMember> chosen = members.all(pool.id()).stream()
                .filter(m -> !m.number().equals(to))
                .sorted(Comparator.comparing((PoolMember m) -> last.getOrDefault(m.number(), Instant.EPOCH))
                        .thenComparing(PoolMember::number))
                .limit(size).toList();
        List<Probe> sent = new ArrayList<>();
        for (PoolMember member : chosen) {
            Probe probe = Probe.sent(account, pool.id(), inbox.id(), member.number(), member.provider(),
                    Times.now(clock), deadline);
            probes.insert(probe);
            Optional<SmsPort> port = ports.sms(account, member.provider(), member.connection());
            SendResult result = port.isEmpty() ? new SendResult.Refused(ErrorCode.PROVIDER_NOT_CONFIGURED.code(),
                    "no sender for " + member.provider().wireName()) : port.get().send(new OutboundSms(
                    member.number().e164(), to, probe.text(), MessageId.newId(probe.sentAt())));
            Optional<String> failure = result instanceof SendResult.Refused r ? Optional.of(r.code() + ": " + r.detail())
                    : result instanceof SendResult.NotSent n ? Optional.of(n.code() + ": " + n.detail())
                    : Optional.empty();
            if (failure.isPresent()) {
                Probe failed = probe.failed(failure.get());
                probes.update(failed, Probe.Status.SENT);
                probe = failed;
            }
            sent.add(probe);
        }
        return sent;
    }

}
