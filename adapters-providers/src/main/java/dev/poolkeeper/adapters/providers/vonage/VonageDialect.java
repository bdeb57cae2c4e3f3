package dev.poolkeeper.adapters.providers.vonage;

import dev.poolkeeper.domain.pool.Fallback;
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
 * A pool in the Vonage Number Pools API's words: {@code fallback} ({@code Pool}, {@code CustomFrom},
 * {@code Reject}), {@code localized_sender_preferred}, and {@code predictable_sender_preferred} (Poolkeeper's
 * sticky sender). Numbers are added and removed 50 per call; Vonage sends from alphanumeric senders.
 */
final class VonageDialect implements PoolDialect {
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(50, 50, false, false, false, 50,
            ProviderCapabilities.Alphanumeric.ALWAYS, 0);
    static final VonageDialect INSTANCE = new VonageDialect();

    private VonageDialect() {
    }

    @Override
    public Map<String, Object> settings(DesiredPart d) {
        PoolSettings s = d.settings().orElseThrow(() -> new IllegalStateException("a deleted pool has no settings"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fallback", switch (s.fallback()) {
            case POOL -> "Pool";
            case CUSTOM_FROM -> "CustomFrom";
            case REJECT -> "Reject";
        });
        m.put("localized_sender_preferred", s.localizedSenderPreferred());
        m.put("predictable_sender_preferred", s.stickySender());
        return m;
    }

    /** A {@code CustomFrom} fallback has no sender value in the API, so it is imported as {@code pool}. */
    @Override
    public PoolPatch imported(PoolName name, Map<String, Object> s) {
        return new PoolPatch(Update.to(name), null,
                Update.to("Reject".equals(s.get("fallback")) ? Fallback.REJECT : Fallback.POOL), null,
                dev.poolkeeper.adapters.providers.Imports.bool(s.get("localized_sender_preferred")), null,
                dev.poolkeeper.adapters.providers.Imports.bool(s.get("predictable_sender_preferred")),
                null, null, null, null, null, null, null, null, null);
    }
}
