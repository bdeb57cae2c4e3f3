package dev.poolkeeper.bootstrap;

import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.application.port.in.messaging.DispatchMessagesUseCase;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.pool.PoolId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's dispatcher on this instance: one thread runs passes back to back — every
 * {@code POOLKEEPER_DISPATCH_IDLE_INTERVAL} (10 ms) while messages wait for budget, every
 * {@code POOLKEEPER_DISPATCH_EMPTY_INTERVAL} (200 ms) when the queue is empty — and hands the messages a
 * pass claimed to at most {@code POOLKEEPER_DISPATCH_CONCURRENCY} concurrent sends, so a slow provider
 * never stalls the passes. Every instance runs one; the shared send budgets and conditional claims keep
 * them from sending a message twice or a number above its rate. Also keeps the gauges
 * {@code poolkeeper.queue.depth} and {@code poolkeeper.queue.oldest.age.seconds} per pool with messages due.
 */
@Context
@Requires(property = "poolkeeper.dispatch.enabled", notEquals = "false")
final class MessageDispatcher implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    private final DispatchMessagesUseCase dispatch;
    private final MeterRegistry registry;
    private final Duration idle;
    private final Duration empty;
    private final Semaphore slots;
    private final ExecutorService senders;
    private final Map<PoolId, AtomicLong[]> gauges = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread loop;

    MessageDispatcher(DispatchMessagesUseCase dispatch, MeterRegistry registry,
                      @Value("${poolkeeper.dispatch.idle-interval:10ms}") Duration idle,
                      @Value("${poolkeeper.dispatch.empty-interval:200ms}") Duration empty,
                      @Value("${poolkeeper.dispatch.concurrency:32}") int concurrency) {
        this.dispatch = dispatch;
        this.registry = registry;
        this.idle = idle;
        this.empty = empty;
        this.slots = new Semaphore(concurrency);
        this.senders = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "dispatch-send");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        loop = new Thread(this::run, "dispatch");
        loop.setDaemon(true);
        loop.start();
    }

    private void run() {
        while (running) {
            try {
                DispatchMessagesUseCase.Pass pass = dispatch.claimDue();
                for (Message message : pass.claimed()) {
                    slots.acquire();
                    senders.execute(() -> {
                        try {
                            dispatch.send(message);
                        } catch (RuntimeException e) {
                            // the message stays `sending`: recovery moves it to "awaiting a receipt", never resends
                            LOG.warn("send of message {} ended unexpectedly: {}", message.id().value(), e.toString());
                        } finally {
                            slots.release();
                        }
                    });
                }
                if (pass.claimed().isEmpty()) {
                    Thread.sleep((pass.backlog() ? idle : empty).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("dispatch pass failed: {}", e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(fixedDelay = "${poolkeeper.dispatch.metrics-interval:5s}", initialDelay = "5s")
    void measure() {
        try {
            Instant now = Instant.now();
            Map<PoolId, QueueBacklog> backlogs = dispatch.backlogs();
            backlogs.forEach((pool, backlog) -> {
                AtomicLong[] values = gauges.computeIfAbsent(pool, this::register);
                values[0].set(backlog.depth());
                values[1].set(Math.max(0, Duration.between(backlog.oldestDue(), now).toSeconds()));
            });
            gauges.forEach((pool, values) -> {
                if (!backlogs.containsKey(pool)) {
                    values[0].set(0);
                    values[1].set(0);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("queue gauges not refreshed: {}", e.toString());
        }
    }

    private AtomicLong[] register(PoolId pool) {
        AtomicLong depth = new AtomicLong();
        AtomicLong age = new AtomicLong();
        Gauge.builder("poolkeeper.queue.depth", depth, AtomicLong::get).tag("pool", pool.value())
                .description("messages of the pool due and waiting to be sent").register(registry);
        Gauge.builder("poolkeeper.queue.oldest.age.seconds", age, AtomicLong::get).tag("pool", pool.value())
                .description("how long the pool's oldest due message has waited").register(registry);
        return new AtomicLong[] {depth, age};
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (loop != null) {
            loop.interrupt();
            loop.join(2_000);
        }
        senders.shutdown();
        if (!senders.awaitTermination(15, TimeUnit.SECONDS)) {
            LOG.warn("sends still running at shutdown; recovery settles their messages");
        }
    }
}
