package dev.poolkeeper.adapters.web.view;

import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolSettings;

/** The editable settings of a pool as its form shows them, with the version the edit applies to. */
public record SettingsForm(long version, String fallback, boolean stickySender, int stickyTtlDays, boolean geomatch,
                           boolean skipUnhealthy, int longCodeWeight, int tollFreeWeight) {
    public static SettingsForm of(NumberPool pool) {
        PoolSettings s = pool.settings();
        return new SettingsForm(pool.version(), s.fallback().wireName(), s.stickySender(), s.stickyTtlDays(),
                s.geomatch(), s.skipUnhealthy(), s.longCodeWeight(), s.tollFreeWeight());
    }
}
