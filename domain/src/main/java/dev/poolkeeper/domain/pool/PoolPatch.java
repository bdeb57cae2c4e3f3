package dev.poolkeeper.domain.pool;

/**
 * The settable fields of a pool as a JSON merge patch: a {@code null} component is "not in the
 * patch", an {@link Update} is "set to this" (or back to the default). Creating a pool applies a
 * patch to the defaults, so create and update follow one set of rules.
 */
public record PoolPatch(
        Update<PoolName> name,
        Update<MessageType> messageType,
        Update<Fallback> fallback,
        Update<CustomFrom> customFrom,
        Update<Boolean> localizedSenderPreferred,
        Update<Boolean> geomatch,
        Update<Boolean> stickySender,
        Update<Integer> stickyTtlDays,
        Update<Integer> longCodeWeight,
        Update<Integer> tollFreeWeight,
        Update<Boolean> skipUnhealthy,
        Update<Boolean> twoWayEnabled,
        Update<Boolean> selfManagedOptOutsEnabled,
        Update<OptOutListName> optOutListName,
        Update<Boolean> sharedRoutesEnabled,
        Update<Boolean> deletionProtectionEnabled) {

    public static PoolPatch empty() {
        return new PoolPatch(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public static PoolPatch named(PoolName name) {
        return empty().withName(Update.to(name));
    }

    public PoolPatch withName(Update<PoolName> update) {
        return new PoolPatch(update, messageType, fallback, customFrom, localizedSenderPreferred, geomatch,
                stickySender, stickyTtlDays, longCodeWeight, tollFreeWeight, skipUnhealthy, twoWayEnabled,
                selfManagedOptOutsEnabled, optOutListName, sharedRoutesEnabled, deletionProtectionEnabled);
    }

    /** True when the patch turns two-way on (members must then all be two-way capable). */
    public boolean enablesTwoWay() {
        return twoWayEnabled != null && Boolean.TRUE.equals(twoWayEnabled.value());
    }

    public boolean setsOptOutList() {
        return optOutListName != null && !optOutListName.isReset();
    }
}
