package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.event.DeliverEventsUseCase;
import dev.poolkeeper.application.port.in.event.ForgetOldEventsUseCase;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the accounts' events: every {@code POOLKEEPER_EVENTS_POLL_INTERVAL} (and at once again while it
 * finds any) it leases the due deliveries (at most twenty per endpoint) and POSTs them, each endpoint's on at
 * most {@code POOLKEEPER_EVENTS_PER_ENDPOINT_CONCURRENCY} threads (oldest first on each), up to
 * {@code POOLKEEPER_EVENTS_CONCURRENCY} threads in all, so a slow endpoint delays only itself. Every
 * instance runs one; leases keep them from delivering one delivery twice at the same time. Every
 * {@code POOLKEEPER_EVENTS_RETENTION_CHECK_INTERVAL} it forgets events past {@code POOLKEEPER_EVENTS_RETENTION}.
 */
@Context
@Requires(property = "poolkeeper.events.enabled", notEquals = "false")
final class EventDeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(EventDeliveryWorker.class);

    private final DeliverEventsUseCase deliver;
    private final ForgetOldEventsUseCase forget;
    private final ExecutorService pool;
    private final int perEndpoint;

    EventDeliveryWorker(DeliverEventsUseCase deliver, ForgetOldEventsUseCase forget,
                        @Value("${poolkeeper.events.concurrency:16}") int concurrency,
                        @Value("${poolkeeper.events.per-endpoint-concurrency:4}") int perEndpoint) {
        if (perEndpoint < 1) {
            throw new IllegalArgumentException("poolkeeper.events.per-endpoint-concurrency must be at least 1");
        }
        this.deliver = deliver;
        this.forget = forget;
        this.perEndpoint = perEndpoint;
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "event-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelay = "${poolkeeper.events.poll-interval:500ms}", initialDelay = "1s")
    void deliverDue() {
        try {
            List<EventDelivery> claimed;
            do {
                claimed = deliver.claim();
                Map<EventEndpointId, List<EventDelivery>> byEndpoint = new LinkedHashMap<>();
                claimed.forEach(d -> byEndpoint.computeIfAbsent(d.endpointId(), k -> new java.util.ArrayList<>()).add(d));
                List<Future<?>> running = byEndpoint.values().stream().flatMap(list -> lanes(list).stream())
                        .<Future<?>>map(lane -> pool.submit(() -> lane.forEach(this::deliverQuietly))).toList();
                for (Future<?> f : running) {
                    f.get();
                }
            } while (!claimed.isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("event delivery round stopped: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${poolkeeper.events.retention-check-interval:1h}", initialDelay = "1m")
    void forgetOldEvents() {
        try {
            int forgotten = forget.forgetOldEvents();
            if (forgotten > 0) {
                LOG.info("{} events past their retention were forgotten", forgotten);
            }
        } catch (RuntimeException e) {
            LOG.warn("old events not forgotten this round: {}", e.toString());
        }
    }

    /** One endpoint's deliveries dealt out, in order, to at most {@code perEndpoint} lanes. */
    private List<List<EventDelivery>> lanes(List<EventDelivery> deliveries) {
        int n = Math.min(perEndpoint, deliveries.size());
        List<List<EventDelivery>> lanes = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lanes.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < deliveries.size(); i++) {
            lanes.get(i % n).add(deliveries.get(i));
        }
        return lanes;
    }

    private void deliverQuietly(EventDelivery delivery) {
        try {
            deliver.deliver(delivery);
        } catch (RuntimeException e) {
            LOG.warn("delivery {} not recorded ({}); it is tried again after its lease", delivery.id(), e.toString());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
