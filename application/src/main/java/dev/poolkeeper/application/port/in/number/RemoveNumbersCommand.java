package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;
import java.util.Objects;

/** The numbers as given; each is validated on its own. */
public record RemoveNumbersCommand(Caller caller, PoolId poolId, List<String> numbers) {
    public RemoveNumbersCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        numbers = List.copyOf(numbers);
    }
}
