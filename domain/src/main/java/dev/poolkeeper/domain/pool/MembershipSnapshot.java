package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import java.util.Map;
import java.util.Optional;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;

/**
 * What membership rules need to know about the account at the moment of a bulk call, for the
 * numbers of that call only: which are in this pool (as what member), which are in another pool of the account (and
 * which pool), the 10DLC campaign the pool's US long codes already share, and for each provider the pool has
 * members of, the connection they name (empty: none).
 */
public record MembershipSnapshot(Map<PhoneNumber, PoolMember> inThisPool, Map<PhoneNumber, PoolId> inOtherPools,
                                 Optional<CampaignId> poolCampaign,
                                 Map<Provider, Optional<ConnectionId>> poolConnections) {
    public MembershipSnapshot {
        inThisPool = Map.copyOf(inThisPool);
        inOtherPools = Map.copyOf(inOtherPools);
        poolConnections = Map.copyOf(poolConnections);
    }

    /** A snapshot of a pool whose members name no connection. */
    public MembershipSnapshot(Map<PhoneNumber, PoolMember> inThisPool, Map<PhoneNumber, PoolId> inOtherPools,
                              Optional<CampaignId> poolCampaign) {
        this(inThisPool, inOtherPools, poolCampaign, Map.of());
    }

    public static MembershipSnapshot empty() {
        return new MembershipSnapshot(Map.of(), Map.of(), Optional.empty());
    }
}
