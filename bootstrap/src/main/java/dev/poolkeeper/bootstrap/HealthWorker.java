package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.health.ReviveRestedNumbersUseCase;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code POOLKEEPER_HEALTH_CHECK_INTERVAL}, gives numbers that have been unhealthy for
 * {@code POOLKEEPER_HEALTH_REST} another chance. Instances share the work through row locks.
 */
@Context
final class HealthWorker {
    private static final Logger LOG = LoggerFactory.getLogger(HealthWorker.class);

    private final ReviveRestedNumbersUseCase revive;

    HealthWorker(ReviveRestedNumbersUseCase revive) {
        this.revive = revive;
    }

    @Scheduled(fixedDelay = "${poolkeeper.health.check-interval:1m}",
            initialDelay = "${poolkeeper.health.check-interval:1m}")
    void reviveRested() {
        try {
            int revived = revive.reviveRestedNumbers();
            if (revived > 0) {
                LOG.info("{} rested numbers are back on probation with unknown health", revived);
            }
        } catch (RuntimeException e) {
            LOG.warn("rested numbers could not be revived this round: {}", e.toString());
        }
    }
}
