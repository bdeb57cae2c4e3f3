package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

public final class ProbeService implements ProbesUseCase {
    private final ProbeSender sender;
    private final PoolRepository pools;
    private final CanaryInboxRepository inboxes;
    private final ProbeRepository probes;
    private final Clock clock;

    public ProbeService(ProbeSender sender, PoolRepository pools, CanaryInboxRepository inboxes, ProbeRepository probes,
                        Clock clock) {
        this.sender = sender;
        this.pools = pools;
        this.inboxes = inboxes;
        this.probes = probes;
        this.clock = clock;
    }

    @Override
    public List<Probe> probePool(Caller caller, PoolId poolId, CanaryInboxId inboxId, Optional<Integer> sample) {
        int size = sample.orElse(DEFAULT_SAMPLE);
        if (size < 1 || size > MAX_SAMPLE) {
            throw DomainException.invalidField("sample", "must be 1-" + MAX_SAMPLE);
        }
        return sender.probe(caller.accountId(), poolId, inboxId, size);
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
