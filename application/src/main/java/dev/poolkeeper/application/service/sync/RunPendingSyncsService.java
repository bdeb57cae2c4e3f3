package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.sync.RunPendingSyncsUseCase;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Leases due sync requests and runs them one pool at a time. A pool whose provider is unavailable is
 * given back, due again later; any other end completes the request (unless the pool changed meanwhile,
 * which leaves it due for another run).
 */
public final class RunPendingSyncsService implements RunPendingSyncsUseCase {
    private final SyncRequestRepository requests;
    private final PoolSyncer syncer;
    private final Duration leaseFor;
    private final Clock clock;

    public RunPendingSyncsService(SyncRequestRepository requests, PoolSyncer syncer, Duration leaseFor, Clock clock) {
        this.requests = requests;
        this.syncer = syncer;
        this.leaseFor = leaseFor;
        this.clock = clock;
    }

    @Override
    public int runPendingSyncs(String owner, int max) {
        List<SyncRequestRepository.Leased> leased = requests.lease(owner, max, Times.now(clock), leaseFor);
        for (SyncRequestRepository.Leased request : leased) {
            PoolSyncer.Outcome outcome = syncer.sync(request.accountId(), request.poolId());
            if (outcome.retryAt().isPresent()) {
                requests.retryLater(request, owner, outcome.retryAt().get());
            } else {
                requests.complete(request, owner);
            }
        }
        return leased.size();
    }
}
