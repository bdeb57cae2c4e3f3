package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.service.provider.ProviderPorts;
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

public final class ProbeService implements ProbesUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final CanaryInboxRepository inboxes;
    private final ProbeRepository probes;
    private final ProviderPorts ports;
    private final Duration deadline;
    private final Clock clock;

    /** @param deadline how long after its send a probe's code must have reached the inbox */
    public ProbeService(PoolRepository pools, PoolMemberRepository members, CanaryInboxRepository inboxes,
                        ProbeRepository probes, ProviderPorts ports, Duration deadline, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.inboxes = inboxes;
        this.probes = probes;
        this.ports = ports;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public List<Probe> probePool(Caller caller, PoolId poolId, CanaryInboxId inboxId, Optional<Integer> sample) {
        int size = sample.orElse(DEFAULT_SAMPLE);
        if (size < 1 || size > MAX_SAMPLE) {
            throw DomainException.invalidField("sample", "must be 1-" + MAX_SAMPLE);
        }
        NumberPool pool = pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        CanaryInbox inbox = inboxes.find(caller.accountId(), inboxId)
                .orElseThrow(() -> CanaryInbox.notFound(inboxId.value()));
        Instant now = Times.now(clock);
        if (!inbox.probeable(now)) {
            throw new DomainException(ErrorCode.CANARY_INBOX_NOT_PROBEABLE, inbox.probesPaused()
                    .map(why -> "probes to this inbox are paused: " + why + "; resume them when it is fixed")
                    .orElse("the inbox is " + inbox.status().wireName() + ", not active"));
        }
        PhoneNumber to = inbox.number().orElseThrow();
        Map<PhoneNumber, Instant> last = probes.lastProbed(caller.accountId(), pool.id());
        List<PoolMember> chosen = members.all(pool.id()).stream()
                .filter(m -> !m.number().equals(to))
                .sorted(Comparator.comparing((PoolMember m) -> last.getOrDefault(m.number(), Instant.EPOCH))
                        .thenComparing(PoolMember::number))
                .limit(size).toList();
        List<Probe> sent = new ArrayList<>();
        for (PoolMember member : chosen) {
            Probe probe = Probe.sent(caller.accountId(), pool.id(), inbox.id(), member.number(), member.provider(),
                    Times.now(clock), deadline);
            probes.insert(probe);
            Optional<SmsPort> port = ports.sms(caller.accountId(), member.provider());
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

    @Override
    public Page<Probe> listProbes(Caller caller, PoolId poolId, PageRequest page) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        return probes.list(caller.accountId(), poolId, page);
    }

    @Override
    public CanaryInbox resumeProbes(Caller caller, CanaryInboxId inboxId) {
        CanaryInbox inbox = inboxes.find(caller.accountId(), inboxId)
                .orElseThrow(() -> CanaryInbox.notFound(inboxId.value()));
        if (inbox.probesPaused().isEmpty()) {
            return inbox;
        }
        CanaryInbox resumed = inbox.withProbesPaused(Optional.empty(), Times.now(clock));
        return inboxes.update(resumed, inbox.status()) ? resumed
                : inboxes.find(caller.accountId(), inboxId).orElse(resumed);
    }
}
