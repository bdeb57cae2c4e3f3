package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.domain.pool.PoolFilter;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.Optional;

/**
 * Pools, always looked up within one account: another account's pool is not found. The unique
 * name per account is the database's to enforce: {@link #insert} and {@link #update} throw
 * {@code pool.name_taken}.
 */
public interface PoolRepository {
    void insert(NumberPool pool);

    Optional<NumberPool> find(AccountId accountId, PoolId poolId);

    /**
     * What changes whenever anything of the pool's row changes: its version (settings), its {@code updated_at}
     * (members, their health) and its member count. A copy of the row read with the same stamp is current.
     */
    record Stamp(long version, Instant updatedAt, long numberCount) {
        public static Stamp of(NumberPool pool) {
            return new Stamp(pool.version(), pool.updatedAt(), pool.numberCount());
        }
    }

    /** The pool's {@link Stamp}, read without the rest of its row; empty when the account has no such pool. */
    default Optional<Stamp> stamp(AccountId accountId, PoolId poolId) {
        return find(accountId, poolId).map(Stamp::of);
    }

    /** The pool, locked until the unit of work ends, so membership changes of one pool run one at a time. */
    Optional<NumberPool> lock(AccountId accountId, PoolId poolId);

    /**
     * Stores settings and name when the stored version is {@code expectedVersion}; throws
     * {@code pool.version_conflict} otherwise.
     */
    void update(NumberPool pool, long expectedVersion);

    /**
     * Stores the member count and providers (the pool is locked by the caller) and moves {@code updated_at}
     * to the pool's, or 1 µs past the stored one if that is not earlier: it changes at every call, so a
     * selection index stamped with it is never mistaken for current.
     */
    void updateMembershipSummary(NumberPool pool);

    void delete(NumberPool pool);

    /**
     * Moves the pool's {@code updated_at} (not its version) after a change to its members that is not a
     * membership change, such as a number's health, so every instance rebuilds its selection index; like
     * {@link #updateMembershipSummary}, to {@code at} or 1 µs past the stored value if that is not earlier.
     */
    void touch(AccountId accountId, PoolId poolId, Instant at);

    Page<NumberPool> list(AccountId accountId, PoolFilter filter, PageRequest page);

    long count();

    long countNumbers();
}
