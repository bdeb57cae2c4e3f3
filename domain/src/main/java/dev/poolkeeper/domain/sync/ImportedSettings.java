package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import java.util.Map;

/**
 * The way back of {@link VendorRules}: a provider pool's settings, read in its field names, as the
 * settings of a new Poolkeeper pool. What has no counterpart is left at Poolkeeper's default (a Vonage
 * {@code CustomFrom} fallback has no sender value in the API, so it becomes {@code pool}; a Pinpoint
 * opt-out list must be created in Poolkeeper before a pool can name it).
 */
public final class ImportedSettings {
    private ImportedSettings() {
    }

    public static PoolPatch of(Provider provider, PoolName name, Map<String, Object> s) {
        return switch (provider) {
            case VONAGE -> new PoolPatch(Update.to(name), null,
                    Update.to("Reject".equals(s.get("fallback")) ? Fallback.REJECT : Fallback.POOL), null,
                    bool(s.get("localized_sender_preferred")), null, bool(s.get("predictable_sender_preferred")),
                    null, null, null, null, null, null, null, null, null);
            case TELNYX -> {
                Map<?, ?> p = s.get("number_pool_settings") instanceof Map<?, ?> m ? m : Map.of();
                yield new PoolPatch(Update.to(name), null, null, null, null, bool(p.get("geomatch")),
                        bool(p.get("sticky_sender")), null, weight(p.get("long_code_weight")),
                        weight(p.get("toll_free_weight")), bool(p.get("skip_unhealthy")), null, null, null, null, null);
            }
            case PINPOINT -> new PoolPatch(Update.to(name),
                    "PROMOTIONAL".equals(s.get("MessageType")) ? Update.to(MessageType.PROMOTIONAL)
                            : Update.to(MessageType.TRANSACTIONAL),
                    null, null, null, null, null, null, null, null, null, bool(s.get("TwoWayEnabled")),
                    bool(s.get("SelfManagedOptOutsEnabled")), null, bool(s.get("SharedRoutesEnabled")),
                    bool(s.get("DeletionProtectionEnabled")));
        };
    }

    private static Update<Boolean> bool(Object value) {
        return value instanceof Boolean b ? Update.to(b) : null;
    }

    private static Update<Integer> weight(Object value) {
        return value instanceof Number n ? Update.to((int) Math.round(n.doubleValue())) : null;
    }
}
