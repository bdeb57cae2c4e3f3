package dev.poolkeeper.application.port.out.sync;

import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.List;

/** The sync state of each pool's part at each provider; rows outlive the pool until its parts are gone. */
public interface SyncPartRepository {
    List<SyncPart> parts(PoolId poolId);

    void save(SyncPart part);

    void delete(SyncPart part);
}
