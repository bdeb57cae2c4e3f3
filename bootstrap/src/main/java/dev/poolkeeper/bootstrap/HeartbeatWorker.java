package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.cluster.HeartbeatUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code POOLKEEPER_INSTANCES_HEARTBEAT_INTERVAL} (5 s), tells the database this instance is alive
 * and learns how many are (gauge {@code poolkeeper.instances.alive}); logs when that number changes.
 */
@Context
final class HeartbeatWorker {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWorker.class);

    private final HeartbeatUseCase heartbeat;
    private final AtomicInteger lastSeen = new AtomicInteger();

    HeartbeatWorker(HeartbeatUseCase heartbeat, MeterRegistry registry) {
        this.heartbeat = heartbeat;
        Gauge.builder("poolkeeper.instances.alive", lastSeen, AtomicInteger::get)
                .description("service instances alive on this database, as this one last saw").register(registry);
    }

    @Scheduled(fixedDelay = "${poolkeeper.instances.heartbeat-interval:5s}", initialDelay = "0s")
    void beat() {
        try {
            int alive = heartbeat.heartbeat();
            if (lastSeen.getAndSet(alive) != alive) {
                LOG.info("{} service instance(s) alive on this database", alive);
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed this round: {}", e.toString());
        }
    }
}
