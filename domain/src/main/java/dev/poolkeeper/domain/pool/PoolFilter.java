package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.provider.Provider;
import java.util.Optional;

/** Which pools of an account a listing shows: every present criterion must match. */
public record PoolFilter(Optional<PoolStatus> status, Optional<MessageType> messageType, Optional<Provider> provider,
                         Optional<PoolName> name) {
    public static PoolFilter none() {
        return new PoolFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
