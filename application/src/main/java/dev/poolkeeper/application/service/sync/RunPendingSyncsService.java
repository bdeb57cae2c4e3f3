package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.sync.RunPendingSyncsUseCase;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Leases due sync requests and runs them one pool at a time, renewing the lease after every provider
 * operation so that a long plan (Pinpoint at one call a second) is not taken over while it runs. A pool whose provider is unavailable is
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

    /** The lease ran out and another instance has the pool: this run stops between two operations. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the sync lease was lost", null, false, false);
        }
    }

    @Override
    public int runPendingSyncs(String owner, int max) {
        List<SyncRequestRepository.Leased> leased = requests.lease(owner, max, Times.now(clock), leaseFor);
        for (SyncRequestRepository.Leased request : leased) {
            PoolSyncer.Outcome outcome;
            try {
                outcome = syncer.sync(request.accountId(), request.poolId(), () -> {
                    if (!requests.renew(request, owner, Times.now(clock).plus(leaseFor))) {
                        throw new LeaseLost();
                    }
                });
            } catch (LeaseLost lost) {
                continue;
            }
            if (outcome.retryAt().isPresent()) {
                requests.retryLater(request, owner, outcome.retryAt().get());
            } else {
                requests.complete(request, owner);
            }
        }
        return leased.size();
    }
}
