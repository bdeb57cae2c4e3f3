package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.canary.ReconcileCanaryInboxesUseCase;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code POOLKEEPER_CANARY_CHECK_INTERVAL}: rentals whose answer was lost are looked for in the
 * provider's list, and ended rentals are marked expired. A state change is a compare-and-set on the row,
 * so instances doing the same round do not step on each other.
 */
@Context
final class CanaryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(CanaryWorker.class);

    private final ReconcileCanaryInboxesUseCase reconcile;

    CanaryWorker(ReconcileCanaryInboxesUseCase reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(fixedDelay = "${poolkeeper.canary.check-interval:30s}",
            initialDelay = "${poolkeeper.canary.check-interval:30s}")
    void reconcile() {
        try {
            int changed = reconcile.reconcileCanaryInboxes();
            if (changed > 0) {
                LOG.info("{} canary inboxes changed state", changed);
            }
        } catch (RuntimeException e) {
            LOG.warn("canary inboxes could not be reconciled this round: {}", e.toString());
        }
    }
}
