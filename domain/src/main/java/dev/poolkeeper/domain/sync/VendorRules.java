package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.PoolSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a vendor's pool API allows, and how a Poolkeeper pool's settings read in its field names. The
 * settings maps are what the adapters send; the planner compares them with what the provider holds.
 *
 * <ul>
 *   <li>Vonage Number Pools API: 50 numbers per add or remove call; {@code fallback},
 *       {@code localized_sender_preferred}, {@code predictable_sender_preferred} (our sticky sender).</li>
 *   <li>Telnyx: a messaging profile per pool, {@code number_pool_settings} always sent whole; numbers are
 *       assigned one at a time; a profile is emptied before it is deleted.</li>
 *   <li>AWS Pinpoint SMS v2: one number per associate / disassociate call; {@code CreatePool} needs the
 *       first number and fixes {@code MessageType}; the last number can never be removed, so the pool is
 *       deleted when its part empties.</li>
 * </ul>
 */
public record VendorRules(Provider provider, int addBatch, int removeBatch, boolean createTakesFirstNumber,
                          boolean emptyBeforeDelete, boolean mirrorsOptOutList,
                          Function<DesiredPart, Map<String, Object>> updatable,
                          Function<DesiredPart, Map<String, Object>> createOnly) {

    /** Opt-out numbers per operation; each is one call where the vendor takes one number a call. */
    public static final int OPT_OUT_BATCH = 50;

    public static final VendorRules VONAGE = new VendorRules(Provider.VONAGE, 50, 50, false, false, false,
            VendorRules::vonage, d -> Map.of());
    public static final VendorRules TELNYX = new VendorRules(Provider.TELNYX, 1, 1, false, true, false,
            VendorRules::telnyx, VendorRules::telnyxProfile);
    public static final VendorRules PINPOINT = new VendorRules(Provider.PINPOINT, 1, 1, true, false, true,
            VendorRules::pinpoint, d -> Map.of("MessageType", d.messageType().name()));

    /**
     * The Pinpoint opt-out list a pool's list is mirrored to: the named list of the account under its own
     * name, or the pool's own list as {@code poolkeeper-<pool id>}.
     */
    public static String pinpointOptOutList(DesiredPart d) {
        return settings(d).optOutList().map(n -> n.value()).orElse("poolkeeper-" + d.poolId().value());
    }

    public static VendorRules of(Provider provider) {
        return switch (provider) {
            case VONAGE -> VONAGE;
            case TELNYX -> TELNYX;
            case PINPOINT -> PINPOINT;
        };
    }

    private static PoolSettings settings(DesiredPart d) {
        return d.settings().orElseThrow(() -> new IllegalStateException("a deleted pool has no settings"));
    }

    private static Map<String, Object> vonage(DesiredPart d) {
        PoolSettings s = settings(d);
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

    private static Map<String, Object> telnyx(DesiredPart d) {
        PoolSettings s = settings(d);
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
     * spec allows only ISO country codes in {@code whitelisted_destinations}, not the {@code "*"} the
     * reference mentions).
     */
    private static Map<String, Object> telnyxProfile(DesiredPart d) {
        return Map.of("name", d.poolId().value(), "whitelisted_destinations",
                d.numbers().stream().map(n -> n.country()).distinct().sorted().toList());
    }

    private static Map<String, Object> pinpoint(DesiredPart d) {
        PoolSettings s = settings(d);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TwoWayEnabled", s.twoWayEnabled());
        m.put("SelfManagedOptOutsEnabled", s.selfManagedOptOutsEnabled());
        m.put("OptOutListName", pinpointOptOutList(d));
        m.put("SharedRoutesEnabled", s.sharedRoutesEnabled());
        m.put("DeletionProtectionEnabled", s.deletionProtectionEnabled());
        return m;
    }
}
