package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.sync.RequestFullReconcileUseCase;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

public final class RequestFullReconcileService implements RequestFullReconcileUseCase {
    private final SyncRequestRepository requests;
    private final Clock clock;

    public RequestFullReconcileService(SyncRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public int requestFullReconcile() {
        return requests.requestAll(Times.now(clock));
    }
}
