package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import java.util.Map;
import java.util.Optional;

/**
 * What membership rules need to know about the account at the moment of a bulk call, for the
 * numbers of that call only: which are in this pool (as what member), which are in another pool of the account (and
 * which pool), and the 10DLC campaign the pool's US long codes already share.
 */
public record MembershipSnapshot(Map<PhoneNumber, PoolMember> inThisPool, Map<PhoneNumber, PoolId> inOtherPools,
                                 Optional<CampaignId> poolCampaign) {
    public MembershipSnapshot {
        inThisPool = Map.copyOf(inThisPool);
        inOtherPools = Map.copyOf(inOtherPools);
    }

    public static MembershipSnapshot empty() {
        return new MembershipSnapshot(Map.of(), Map.of(), Optional.empty());
    }
}
