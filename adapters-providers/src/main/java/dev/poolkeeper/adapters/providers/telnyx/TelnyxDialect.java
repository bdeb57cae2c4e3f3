package dev.poolkeeper.adapters.providers.telnyx;

import dev.poolkeeper.adapters.providers.Imports;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.domain.sync.DesiredPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pool as a Telnyx messaging profile: {@code number_pool_settings} (always sent whole), numbers assigned
 * one at a time, a profile emptied before it is deleted. An alphanumeric sender needs a messaging profile,
 * so Telnyx sends one only for a pool mirrored there, and after the other providers.
 */
final class TelnyxDialect implements PoolDialect {
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(1, 1, false, true, false, 50,
            ProviderCapabilities.Alphanumeric.WITH_MIRRORED_POOL, 2);
    static final TelnyxDialect INSTANCE = new TelnyxDialect();

    private TelnyxDialect() {
    }

    @Override
    public Map<String, Object> settings(DesiredPart d) {
        PoolSettings s = d.settings().orElseThrow(() -> new IllegalStateException("a deleted pool has no settings"));
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("long_code_weight", s.longCodeWeight());
        pool.put("toll_free_weight", s.tollFreeWeight());
        pool.put("skip_unhealthy", s.skipUnhealthy());
        pool.put("sticky_sender", s.stickySender());
        pool.put("geomatch", s.geomatch());
        return Map.of("number_pool_settings", pool);
    }

    /**
     * A new profile is named by the pool's id and may send to the countries of the pool's numbers (the
     * API allows only ISO country codes in {@code whitelisted_destinations}, not {@code "*"}).
     */
    @Override
    public Map<String, Object> createOnly(DesiredPart d) {
        return Map.of("name", d.poolId().value(), "whitelisted_destinations",
                d.numbers().stream().map(n -> n.country()).distinct().sorted().toList());
    }

    @Override
    public PoolPatch imported(PoolName name, Map<String, Object> s) {
        Map<?, ?> p = s.get("number_pool_settings") instanceof Map<?, ?> m ? m : Map.of();
        return new PoolPatch(Update.to(name), null, null, null, null, Imports.bool(p.get("geomatch")),
                Imports.bool(p.get("sticky_sender")), null, Imports.weight(p.get("long_code_weight")),
                Imports.weight(p.get("toll_free_weight")), Imports.bool(p.get("skip_unhealthy")),
                null, null, null, null, null);
    }
}
