package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;

/** Removes one member; {@code number.not_in_pool} when it is not one. */
public interface RemoveNumberUseCase {
    void removeNumber(Caller caller, PoolId poolId, PhoneNumber number);
}
