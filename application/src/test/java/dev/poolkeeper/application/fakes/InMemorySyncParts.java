package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sync parts in memory, keyed like the table: pool and provider. */
public final class InMemorySyncParts implements SyncPartRepository {
    private final Map<String, SyncPart> parts = new LinkedHashMap<>();

    private static String key(PoolId poolId, Provider provider) {
        return poolId.value() + "/" + provider.wireName();
    }

    @Override
    public synchronized List<SyncPart> parts(PoolId poolId) {
        return new ArrayList<>(parts.values().stream().filter(p -> p.poolId().equals(poolId)).toList());
    }

    @Override
    public synchronized void save(SyncPart part) {
        parts.put(key(part.poolId(), part.provider()), part);
    }

    @Override
    public synchronized void delete(SyncPart part) {
        parts.remove(key(part.poolId(), part.provider()));
    }
}
