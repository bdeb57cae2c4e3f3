package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;

public record SendMessageCommand(Caller caller, PoolId poolId, PhoneNumber to, String text) {
    public SendMessageCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }
}
