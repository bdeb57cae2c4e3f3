package dev.poolkeeper.application.port.out.sync;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.List;
import java.util.Optional;

/** The sync state of each pool's part at each provider; rows outlive the pool until its parts are gone. */
public interface SyncPartRepository {
    List<SyncPart> parts(PoolId poolId);

    /** The account's parts that are not in sync (failed, drifted or waiting), at most {@code limit}. */
    List<SyncPart> notInSync(AccountId accountId, int limit);

    /** Updates the part, or stores it when it is new. */
    void save(SyncPart part);

    /**
     * Stores a new part; false, and nothing stored, when the part exists or another part (of any account)
     * already mirrors the same provider pool: one provider pool is mirrored by one pool at most.
     */
    boolean insert(SyncPart part);

    /** The part that mirrors a provider's pool, whichever account's it is. */
    Optional<SyncPart> findByProviderPoolId(Provider provider, String providerPoolId);

    void delete(SyncPart part);
}
