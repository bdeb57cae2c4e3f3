package dev.poolkeeper.application.port.in.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;

public record SelectSenderCommand(Caller caller, PoolId poolId, PhoneNumber to, boolean dryRun) {
    public SelectSenderCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(to, "to");
    }
}
