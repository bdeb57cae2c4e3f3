package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.sync.RequestFullReconcileUseCase;
import dev.poolkeeper.application.port.in.sync.RunPendingSyncsUseCase;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider-sync jobs: drains the outbox every poll interval (each instance leases different pools),
 * and asks for a full reconcile of every pool every {@code POOLKEEPER_SYNC_INTERVAL}, which finds and
 * repairs drift. Off with {@code poolkeeper.sync.enabled=false}. Created with the context ({@code @Context}),
 * so the scheduler never builds it lazily while the context is already stopping.
 */
@Context
@Requires(property = "poolkeeper.sync.enabled", notEquals = "false")
final class SyncWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);
    private static final int BATCH = 10;

    private final RunPendingSyncsUseCase run;
    private final RequestFullReconcileUseCase reconcile;
    private final String owner = "worker-" + UUID.randomUUID();

    SyncWorker(RunPendingSyncsUseCase run, RequestFullReconcileUseCase reconcile) {
        this.run = run;
        this.reconcile = reconcile;
    }

    @Scheduled(fixedDelay = "${poolkeeper.sync.poll-interval:1s}", initialDelay = "${poolkeeper.sync.poll-interval:1s}")
    void drain() {
        try {
            int total = 0;
            for (int synced = run.runPendingSyncs(owner, BATCH); synced > 0; synced = run.runPendingSyncs(owner, BATCH)) {
                total += synced;
            }
            if (total > 0) {
                LOG.info("sync worker {} synced {} pools", owner, total);
            }
        } catch (RuntimeException e) {
            LOG.warn("sync worker {} stopped a round: {}", owner, e.toString());
        }
    }

    @Scheduled(fixedDelay = "${poolkeeper.sync.interval:PT5M}", initialDelay = "${poolkeeper.sync.interval:PT5M}")
    void fullReconcile() {
        try {
            LOG.info("full reconcile requested for {} pools", reconcile.requestFullReconcile());
        } catch (RuntimeException e) {
            LOG.warn("full reconcile could not be requested: {}", e.toString());
        }
    }
}
