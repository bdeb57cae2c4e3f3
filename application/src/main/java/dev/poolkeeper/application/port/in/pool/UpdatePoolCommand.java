package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolPatch;
import java.util.Objects;
import java.util.OptionalLong;

/** A merge patch; with {@code expectedVersion} (from If-Match) it applies only to that version. */
public record UpdatePoolCommand(Caller caller, PoolId poolId, PoolPatch patch, OptionalLong expectedVersion) {
    public UpdatePoolCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }
}
