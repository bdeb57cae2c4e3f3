package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one provider's pool API words a Poolkeeper pool. Each provider's slice implements it; the core
 * never reads the field names: it hands the maps to the slice's port ({@link SyncOperation#settings()}),
 * shows them in plans as the provider will receive them, and asks the dialect whether the provider's
 * copy still matches.
 */
public interface PoolDialect {
    /** The settings the provider keeps for a pool and that may change after it is created. */
    Map<String, Object> settings(DesiredPart desired);

    /** What only a create sends, in addition to {@link #settings}. */
    default Map<String, Object> createOnly(DesiredPart desired) {
        return Map.of();
    }

    /** Whether the provider's copy ({@link ObservedPart#settings()}) has every desired value. */
    default boolean matches(Map<String, Object> desired, Map<String, Object> observed) {
        return SettingsMaps.contains(observed, desired);
    }

    /**
     * The opt-out list the provider's pool should name (for a provider that mirrors lists), and the one it
     * names now.
     */
    default Optional<String> optOutList(DesiredPart desired) {
        return Optional.empty();
    }

    default Optional<String> optOutList(ObservedPart observed) {
        return Optional.empty();
    }

    /** How an opt-out list operation names its list ({@link SyncOperation.Kind#CREATE_OPT_OUT_LIST} and the like). */
    default Map<String, Object> optOutListReference(String list) {
        return Map.of("list", list);
    }

    /** Whether the provider refuses to delete the pool until protection is turned off. */
    default boolean deletionProtected(ObservedPart observed) {
        return false;
    }

    /**
     * A provider pool's settings as a new Poolkeeper pool's; what has no counterpart stays at Poolkeeper's
     * default.
     */
    PoolPatch imported(PoolName name, Map<String, Object> settings);

    /** Comparing settings maps as providers echo them: numbers by value (1 equals 1.0), objects field by field. */
    final class SettingsMaps {
        private SettingsMaps() {
        }

        /** Every entry of {@code wanted} has the same value in {@code have}. */
        public static boolean contains(Map<?, ?> have, Map<?, ?> wanted) {
            for (Map.Entry<?, ?> e : wanted.entrySet()) {
                if (!same(e.getValue(), have.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean same(Object want, Object have) {
            if (want instanceof Number w && have instanceof Number h) {
                return Double.compare(w.doubleValue(), h.doubleValue()) == 0;
            }
            if (want instanceof Map<?, ?> w && have instanceof Map<?, ?> h) {
                return contains(h, w);
            }
            return Objects.equals(want, have);
        }
    }
}
