package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolPatch;
import java.util.Objects;

/** The fields of the new pool, as a patch applied to the defaults. */
public record CreatePoolCommand(Caller caller, PoolPatch spec) {
    public CreatePoolCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(spec, "spec");
    }
}
