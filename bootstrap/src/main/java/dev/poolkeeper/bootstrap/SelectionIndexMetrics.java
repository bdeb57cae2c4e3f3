package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.service.selection.PoolIndexCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/**
 * Gauges of the selection indexes this instance keeps in memory: how many pools and members they hold,
 * against the bound {@code POOLKEEPER_SELECTION_INDEX_CACHE_MAX_MEMBERS}.
 */
@Singleton
final class SelectionIndexMetrics implements MeterBinder {
    /** Lazy: the registry is built before the cache's repositories, whose datasource needs the registry. */
    private final BeanProvider<PoolIndexCache> indexes;

    SelectionIndexMetrics(BeanProvider<PoolIndexCache> indexes) {
        this.indexes = indexes;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("poolkeeper.selection.index.members", indexes, i -> i.get().heldMembers())
                .description("pool members held by this instance's selection indexes").register(registry);
        Gauge.builder("poolkeeper.selection.index.pools", indexes, i -> i.get().heldPools())
                .description("pools whose selection index this instance holds").register(registry);
    }
}
