package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MemberPatch;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;

public record UpdateMemberCommand(Caller caller, PoolId poolId, PhoneNumber number, MemberPatch patch) {
    public UpdateMemberCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(patch, "patch");
    }
}
