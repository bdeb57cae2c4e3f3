package dev.poolkeeper.domain.pool;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a pool's events to list: of these {@code types} (all when empty), that occurred at or after
 * {@code from} and before {@code to}, oldest or newest first.
 */
public record PoolEventQuery(Set<PoolEventType> types, Optional<Instant> from, Optional<Instant> to,
                             boolean newestFirst) {
    public PoolEventQuery {
        types = Set.copyOf(types);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static PoolEventQuery all() {
        return new PoolEventQuery(Set.of(), Optional.empty(), Optional.empty(), false);
    }

    public boolean matches(PoolEvent e) {
        return (types.isEmpty() || types.contains(e.type()))
                && from.map(f -> !e.occurredAt().isBefore(f)).orElse(true)
                && to.map(t -> e.occurredAt().isBefore(t)).orElse(true);
    }
}
