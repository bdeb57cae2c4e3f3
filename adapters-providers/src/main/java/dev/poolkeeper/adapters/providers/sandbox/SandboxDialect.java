package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.adapters.providers.Imports;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.domain.shared.WireName;
import dev.poolkeeper.domain.sync.DesiredPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's pools keep the selection settings under Poolkeeper's own names; numbers are added and
 * removed 100 per call; the sandbox sends from alphanumeric senders when no real provider is there to.
 */
final class SandboxDialect implements PoolDialect {
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(100, 100, false, false, false, 100,
            ProviderCapabilities.Alphanumeric.ALWAYS, 9);
    static final SandboxDialect INSTANCE = new SandboxDialect();
    static final Map<String, Object> DEFAULTS = INSTANCE.settings(PoolSettings.defaults());

    private SandboxDialect() {
    }

    @Override
    public Map<String, Object> settings(DesiredPart d) {
        return settings(d.settings().orElseThrow(() -> new IllegalStateException("a deleted pool has no settings")));
    }

    private Map<String, Object> settings(PoolSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fallback", s.fallback().wireName());
        m.put("sticky_sender", s.stickySender());
        m.put("geomatch", s.geomatch());
        m.put("long_code_weight", s.longCodeWeight());
        m.put("toll_free_weight", s.tollFreeWeight());
        m.put("skip_unhealthy", s.skipUnhealthy());
        return m;
    }

    @Override
    public PoolPatch imported(PoolName name, Map<String, Object> s) {
        Update<Fallback> fallback = s.get("fallback") instanceof String f
                ? WireName.parse(Fallback.class, f).filter(v -> v != Fallback.CUSTOM_FROM).map(Update::to).orElse(null)
                : null;
        return new PoolPatch(Update.to(name), null, fallback, null, null, Imports.bool(s.get("geomatch")),
                Imports.bool(s.get("sticky_sender")), null, Imports.weight(s.get("long_code_weight")),
                Imports.weight(s.get("toll_free_weight")), Imports.bool(s.get("skip_unhealthy")),
                null, null, null, null, null);
    }
}
