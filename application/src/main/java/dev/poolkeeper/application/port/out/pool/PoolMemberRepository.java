package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.domain.number.MemberFilter;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pool members. A number is in at most one pool of an account; the database enforces it, so two
 * concurrent calls adding one number to two pools cannot both succeed.
 */
public interface PoolMemberRepository {
    /** For each of these numbers that is in a pool of the account: that pool. */
    Map<PhoneNumber, PoolId> findPools(AccountId accountId, Collection<PhoneNumber> numbers);

    /** The campaign of the pool's US long codes, if it has any. */
    Optional<CampaignId> usLongCodeCampaign(PoolId poolId);

    /** The campaign the pool's US long codes other than {@code number} use. */
    Optional<CampaignId> usLongCodeCampaignExcept(PoolId poolId, PhoneNumber number);

    /** Writes a member's weight, campaign and two-way capability. */
    void update(PoolId poolId, PoolMember member);

    long countNotTwoWayCapable(PoolId poolId);

    /** Up to {@code limit} members that are not two-way capable, in the order they were added. */
    List<PhoneNumber> notTwoWayCapable(PoolId poolId, int limit);

    /**
     * Inserts the members; returns those refused because the account already has the number in a
     * pool (a concurrent insert won). The others are inserted.
     */
    Set<PhoneNumber> insert(AccountId accountId, PoolId poolId, List<PoolMember> members);

    /** Deletes these members of the pool; returns how many were deleted. */
    int delete(PoolId poolId, Collection<PhoneNumber> numbers);

    void deleteAll(PoolId poolId);

    Optional<PoolMember> find(PoolId poolId, PhoneNumber number);

    /** The pool's members among {@code numbers}. */
    Map<PhoneNumber, PoolMember> findAll(PoolId poolId, Collection<PhoneNumber> numbers);

    Page<PoolMember> list(PoolId poolId, MemberFilter filter, PageRequest page);

    long count(PoolId poolId);

    /** How many numbers of the pool have this country and area code. */
    long countWithAreaCode(PoolId poolId, String country, String areaCode);

    /** How many numbers of each pool are unhealthy; a pool with none may be left out. */
    Map<PoolId, Long> unhealthyCounts(Collection<PoolId> pools);

    /** Every member, for building the pool's selection index. */
    List<PoolMember> all(PoolId poolId);

    Set<Provider> providers(PoolId poolId);

    /** For each provider the pool has members of: the connection they name (empty: none, the serving one). */
    Map<Provider, Optional<ConnectionId>> connections(PoolId poolId);

    /**
     * Up to {@code limit} pools of the account with members of the provider that name the connection (empty:
     * that name none, so the serving connection holds them).
     */
    List<PoolId> poolsNaming(AccountId accountId, Provider provider, Optional<ConnectionId> connection, int limit);

    /** Which pool of which account holds the number (one per account at most): where an inbound SMS lands. */
    List<Holder> holders(PhoneNumber number);

    record Holder(AccountId accountId, PoolId poolId) {
    }
}
