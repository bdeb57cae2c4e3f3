package dev.poolkeeper.application.port.in.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;

/** Forgets the recipient's mapping; the next message picks again. */
public interface ResetStickySenderUseCase {
    void resetStickySender(Caller caller, PoolId poolId, PhoneNumber recipient);
}
