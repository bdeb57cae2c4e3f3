package dev.poolkeeper.application.port.out.sync;

import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;
import java.util.Optional;

/** Which provider pool a part is: Poolkeeper's pool, and the provider's id for it once it has one. */
public record PartRef(PoolId poolId, Optional<String> providerPoolId) {
    public PartRef {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(providerPoolId, "providerPoolId");
    }
}
