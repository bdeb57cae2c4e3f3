package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything one decision needs. {@code withinBudget} says whether a number may send now (and, for a
 * real send, takes its token); a dry run passes a test that takes nothing. Numbers of the
 * {@code unavailableProviders} (no credentials on this instance) are not candidates; {@code alphanumeric}
 * says where the pool's alphanumeric sender may be used.
 */
public record SelectionRequest(PoolSettings settings, PoolIndex index, PhoneNumber to, boolean optedOut,
                               Optional<StickyMapping> sticky, Predicate<Candidate> withinBudget, Instant now,
                               Set<Provider> unavailableProviders, AlphanumericSenderPolicy alphanumeric) {
    public SelectionRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sticky, "sticky");
        Objects.requireNonNull(withinBudget, "withinBudget");
        Objects.requireNonNull(now, "now");
        unavailableProviders = Set.copyOf(unavailableProviders);
        Objects.requireNonNull(alphanumeric, "alphanumeric");
    }

    /** Every provider available, the published alphanumeric list. */
    public SelectionRequest(PoolSettings settings, PoolIndex index, PhoneNumber to, boolean optedOut,
                            Optional<StickyMapping> sticky, Predicate<Candidate> withinBudget, Instant now) {
        this(settings, index, to, optedOut, sticky, withinBudget, now, Set.of(), AlphanumericSenderPolicy.published());
    }
}
