package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.PoolId;

public interface GetNumberUseCase {
    PoolMember getNumber(Caller caller, PoolId poolId, PhoneNumber number);
}
