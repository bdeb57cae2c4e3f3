package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.stats.GetStatisticsUseCase;
import dev.poolkeeper.application.port.in.stats.Statistics;
import dev.poolkeeper.domain.sync.SyncState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of how much Poolkeeper holds (accounts, pools, pooled numbers) and of what waits or is wrong
 * (unhealthy numbers, messages awaiting reconciliation, the sync outbox, provider parts by state). The
 * totals are read at most every 15 seconds, so a scrape never costs a query per gauge.
 */
@Singleton
final class PoolMetrics implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(PoolMetrics.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(15);

    private record Reading(long at, Statistics statistics) {
    }

    /** Lazy: the registry is built before the datasource, whose pool metrics need the registry. */
    private final BeanProvider<GetStatisticsUseCase> statistics;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(0, Statistics.none()));

    PoolMetrics(BeanProvider<GetStatisticsUseCase> statistics) {
        this.statistics = statistics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "poolkeeper.accounts", "accounts", Statistics::accounts);
        gauge(registry, "poolkeeper.pools", "pools of all accounts", Statistics::pools);
        gauge(registry, "poolkeeper.pool.numbers", "numbers in pools of all accounts", Statistics::numbers);
        gauge(registry, "poolkeeper.pool.numbers.unhealthy", "pooled numbers whose health is unhealthy",
                Statistics::unhealthyNumbers);
        gauge(registry, "poolkeeper.messages.awaiting.reconciliation",
                "messages whose provider answer was lost, waiting for a receipt", Statistics::messagesAwaitingReconciliation);
        gauge(registry, "poolkeeper.sync.requests.outstanding", "pools waiting for a provider sync (the outbox)",
                Statistics::syncRequestsOutstanding);
        for (SyncState state : SyncState.values()) {
            Gauge.builder("poolkeeper.sync.parts", this, m -> m.current().syncParts().getOrDefault(state, 0L))
                    .description("provider parts of pools by sync state").tag("state", state.wireName())
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Statistics> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description).register(registry);
    }

    private Statistics current() {
        Reading reading = last.get();
        long now = System.currentTimeMillis();
        if (now - reading.at() > MAX_AGE.toMillis()) {
            try {
                reading = new Reading(now, statistics.get().statistics());
                last.set(reading);
            } catch (RuntimeException e) {
                LOG.warn("could not read pool statistics for metrics: {}", e.getMessage());
            }
        }
        return reading.statistics();
    }
}
