package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pool chooses senders: everything settable about a pool but its name and message type.
 * The invariants that tie fields together are checked here, whatever built the settings.
 */
public record PoolSettings(
        Fallback fallback,
        CustomFrom customFrom,
        boolean localizedSenderPreferred,
        boolean geomatch,
        boolean stickySender,
        int stickyTtlDays,
        int longCodeWeight,
        int tollFreeWeight,
        boolean skipUnhealthy,
        boolean twoWayEnabled,
        boolean selfManagedOptOutsEnabled,
        OptOutListName optOutListName,
        boolean sharedRoutesEnabled,
        boolean deletionProtectionEnabled) {

    public static final int MIN_STICKY_TTL_DAYS = 1;
    public static final int MAX_STICKY_TTL_DAYS = 730;
    public static final int DEFAULT_STICKY_TTL_DAYS = 30;

    private static final PoolSettings DEFAULTS = new PoolSettings(Fallback.POOL, null, false, false, false,
            DEFAULT_STICKY_TTL_DAYS, 1, 1, false, false, false, null, false, false);

    public PoolSettings {
        Objects.requireNonNull(fallback, "fallback");
        List<FieldViolation> violations = new ArrayList<>();
        if (fallback == Fallback.CUSTOM_FROM && customFrom == null) {
            violations.add(FieldViolation.invalid("custom_from", "is required when fallback is custom_from"));
        }
        if (fallback != Fallback.CUSTOM_FROM && customFrom != null) {
            violations.add(FieldViolation.invalid("custom_from", "is only allowed when fallback is custom_from"));
        }
        if (stickyTtlDays < MIN_STICKY_TTL_DAYS || stickyTtlDays > MAX_STICKY_TTL_DAYS) {
            violations.add(FieldViolation.invalid("sticky_ttl_days",
                    "must be " + MIN_STICKY_TTL_DAYS + "-" + MAX_STICKY_TTL_DAYS));
        }
        if (longCodeWeight < 0) {
            violations.add(FieldViolation.invalid("long_code_weight", "must be 0 or more"));
        }
        if (tollFreeWeight < 0) {
            violations.add(FieldViolation.invalid("toll_free_weight", "must be 0 or more"));
        }
        if (!violations.isEmpty()) {
            throw new DomainException(ErrorCode.REQUEST_INVALID, violations.get(0).field() + " "
                    + violations.get(0).message(), violations);
        }
    }

    public static PoolSettings defaults() {
        return DEFAULTS;
    }

    public Optional<CustomFrom> customFromSender() {
        return Optional.ofNullable(customFrom);
    }

    public Optional<OptOutListName> optOutList() {
        return Optional.ofNullable(optOutListName);
    }

    /** These settings with the patch's fields applied; a reset field takes its default. */
    public PoolSettings apply(PoolPatch patch) {
        PoolSettings next = new PoolSettings(
                pick(patch.fallback(), fallback, DEFAULTS.fallback),
                pick(patch.customFrom(), customFrom, DEFAULTS.customFrom),
                pick(patch.localizedSenderPreferred(), localizedSenderPreferred, DEFAULTS.localizedSenderPreferred),
                pick(patch.geomatch(), geomatch, DEFAULTS.geomatch),
                pick(patch.stickySender(), stickySender, DEFAULTS.stickySender),
                pick(patch.stickyTtlDays(), stickyTtlDays, DEFAULTS.stickyTtlDays),
                pick(patch.longCodeWeight(), longCodeWeight, DEFAULTS.longCodeWeight),
                pick(patch.tollFreeWeight(), tollFreeWeight, DEFAULTS.tollFreeWeight),
                pick(patch.skipUnhealthy(), skipUnhealthy, DEFAULTS.skipUnhealthy),
                pick(patch.twoWayEnabled(), twoWayEnabled, DEFAULTS.twoWayEnabled),
                pick(patch.selfManagedOptOutsEnabled(), selfManagedOptOutsEnabled, DEFAULTS.selfManagedOptOutsEnabled),
                pick(patch.optOutListName(), optOutListName, DEFAULTS.optOutListName),
                pick(patch.sharedRoutesEnabled(), sharedRoutesEnabled, DEFAULTS.sharedRoutesEnabled),
                pick(patch.deletionProtectionEnabled(), deletionProtectionEnabled, DEFAULTS.deletionProtectionEnabled));
        if (next.longCodeWeight == 0 && next.tollFreeWeight == 0) {
            throw DomainException.invalidField(patch.tollFreeWeight() != null ? "toll_free_weight" : "long_code_weight",
                    "long_code_weight and toll_free_weight cannot both be 0: no number of the pool could be chosen");
        }
        return next;
    }

    private static <T> T pick(Update<T> update, T current, T defaultValue) {
        if (update == null) {
            return current;
        }
        return update.isReset() ? defaultValue : update.value();
    }
}
