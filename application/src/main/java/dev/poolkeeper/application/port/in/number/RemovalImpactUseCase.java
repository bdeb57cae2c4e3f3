package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Optional;

/**
 * What removing a number would cost, asked before removing it: the recipients stuck to it (their next message
 * comes from another number), and the area code it alone covers in the pool (geomatch loses it).
 * {@code number.not_in_pool} when it is not a member of the caller's pool.
 */
public interface RemovalImpactUseCase {
    RemovalImpact removalImpact(Caller caller, PoolId poolId, PhoneNumber number);

    record RemovalImpact(PoolMember member, long stickyRecipients, Optional<String> soleAreaCode) {
        public PhoneNumber number() {
            return member.number();
        }
    }
}
