package dev.poolkeeper.application.port.in.selection;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;

/** The recipient's mapping; {@code sticky_sender.not_found} when there is none. */
public interface GetStickySenderUseCase {
    StickyMapping getStickySender(Caller caller, PoolId poolId, PhoneNumber recipient);
}
