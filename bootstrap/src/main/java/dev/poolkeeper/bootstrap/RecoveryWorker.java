package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.messaging.RecoverInterruptedSendsUseCase;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soon after start-up and then every {@code POOLKEEPER_SENDING_RECOVERY_INTERVAL}, moves sends a crash
 * interrupted (this instance's before a restart, or a dead instance's) to "awaiting a receipt", so that
 * no message stays {@code queued} where no receipt can reach it. Instances share the work through row locks.
 */
@Context
final class RecoveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryWorker.class);

    private final RecoverInterruptedSendsUseCase recover;

    RecoveryWorker(RecoverInterruptedSendsUseCase recover) {
        this.recover = recover;
    }

    @Scheduled(fixedDelay = "${poolkeeper.sending.recovery-interval:30s}", initialDelay = "2s")
    void recoverInterruptedSends() {
        try {
            int recovered = recover.recoverInterruptedSends();
            if (recovered > 0) {
                LOG.warn("{} messages whose send was interrupted now await a delivery receipt; none is sent again",
                        recovered);
            }
        } catch (RuntimeException e) {
            LOG.warn("interrupted sends could not be recovered this round: {}", e.toString());
        }
    }
}
