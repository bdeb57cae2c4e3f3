package dev.poolkeeper.adapters.providers.pinpoint;

import dev.poolkeeper.adapters.providers.Imports;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.domain.sync.DesiredPart;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pool in AWS Pinpoint SMS v2's words: one number per associate / disassociate call; {@code CreatePool}
 * needs the first number and fixes {@code MessageType}; the pool names an opt-out list that Poolkeeper
 * mirrors ({@code OptOutListName}: the named list of the account under its own name, or the pool's own
 * list as {@code poolkeeper-<pool id>}); {@code DeletionProtectionEnabled} must be turned off before a delete.
 */
final class PinpointDialect implements PoolDialect {
    static final ProviderCapabilities CAPABILITIES = new ProviderCapabilities(1, 1, true, false, true, 50,
            ProviderCapabilities.Alphanumeric.ALWAYS, 1);
    static final PinpointDialect INSTANCE = new PinpointDialect();

    private static final String OPT_OUT_LIST = "OptOutListName";
    private static final String DELETION_PROTECTION = "DeletionProtectionEnabled";

    private PinpointDialect() {
    }

    @Override
    public Map<String, Object> settings(DesiredPart d) {
        PoolSettings s = d.settings().orElseThrow(() -> new IllegalStateException("a deleted pool has no settings"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TwoWayEnabled", s.twoWayEnabled());
        m.put("SelfManagedOptOutsEnabled", s.selfManagedOptOutsEnabled());
        m.put(OPT_OUT_LIST, listOf(d, s));
        m.put("SharedRoutesEnabled", s.sharedRoutesEnabled());
        m.put(DELETION_PROTECTION, s.deletionProtectionEnabled());
        return m;
    }

    private static String listOf(DesiredPart d, PoolSettings s) {
        return s.optOutList().map(OptOutListName::value).orElse("poolkeeper-" + d.poolId().value());
    }

    @Override
    public Map<String, Object> createOnly(DesiredPart d) {
        return Map.of("MessageType", d.messageType().name());
    }

    @Override
    public Optional<String> optOutList(DesiredPart desired) {
        return desired.settings().map(s -> listOf(desired, s));
    }

    @Override
    public Optional<String> optOutList(ObservedPart observed) {
        return Optional.ofNullable(observed.settings().get(OPT_OUT_LIST)).map(String::valueOf);
    }

    @Override
    public Map<String, Object> optOutListReference(String list) {
        return Map.of(OPT_OUT_LIST, list);
    }

    @Override
    public boolean deletionProtected(ObservedPart observed) {
        return Boolean.TRUE.equals(observed.settings().get(DELETION_PROTECTION));
    }

    /** A Pinpoint opt-out list must be created in Poolkeeper before a pool can name it, so it is not imported. */
    @Override
    public PoolPatch imported(PoolName name, Map<String, Object> s) {
        return new PoolPatch(Update.to(name),
                "PROMOTIONAL".equals(s.get("MessageType")) ? Update.to(MessageType.PROMOTIONAL)
                        : Update.to(MessageType.TRANSACTIONAL),
                null, null, null, null, null, null, null, null, null, Imports.bool(s.get("TwoWayEnabled")),
                Imports.bool(s.get("SelfManagedOptOutsEnabled")), null, Imports.bool(s.get("SharedRoutesEnabled")),
                Imports.bool(s.get(DELETION_PROTECTION)));
    }
}
