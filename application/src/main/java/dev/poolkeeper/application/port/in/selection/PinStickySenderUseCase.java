package dev.poolkeeper.application.port.in.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;

/** Pins a recipient to a sender, which must be a member of the pool. */
public interface PinStickySenderUseCase {
    StickyMapping pinStickySender(Caller caller, PoolId poolId, PhoneNumber recipient, PhoneNumber sender);
}
