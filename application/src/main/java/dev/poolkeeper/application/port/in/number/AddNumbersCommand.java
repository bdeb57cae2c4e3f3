package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;
import java.util.Objects;

public record AddNumbersCommand(Caller caller, PoolId poolId, List<MemberRequest> numbers) {
    public AddNumbersCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        numbers = List.copyOf(numbers);
    }
}
