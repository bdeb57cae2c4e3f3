package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Poolkeeper holds for a pool's part at one provider: the pool's settings and the pool's numbers of
 * that provider, and the numbers on the pool's opt-out list (for a provider that mirrors it). {@code settings}
 * is empty when the pool was deleted: the part must go.
 */
public record DesiredPart(PoolId poolId, String poolName, Optional<PoolSettings> settings, MessageType messageType,
                          Set<PhoneNumber> numbers, Set<PhoneNumber> optedOut) {
    public DesiredPart {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(messageType, "messageType");
        numbers = Set.copyOf(numbers);
        optedOut = Set.copyOf(optedOut);
    }

    /** A part whose provider does not mirror opt-out lists. */
    public DesiredPart(PoolId poolId, String poolName, Optional<PoolSettings> settings, MessageType messageType,
                       Set<PhoneNumber> numbers) {
        this(poolId, poolName, settings, messageType, numbers, Set.of());
    }

    /** The provider should hold a pool: Poolkeeper's pool exists and has numbers there. */
    public boolean wanted() {
        return settings.isPresent() && !numbers.isEmpty();
    }
}
