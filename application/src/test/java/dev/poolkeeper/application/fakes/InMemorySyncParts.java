package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public synchronized List<SyncPart> notInSync(dev.poolkeeper.domain.account.AccountId accountId, int limit) {
        return parts.values().stream().filter(p -> p.accountId().equals(accountId)
                && p.state() != dev.poolkeeper.domain.sync.SyncState.IN_SYNC).limit(limit).toList();
    }

    @Override
    public synchronized void save(SyncPart part) {
        parts.put(key(part.poolId(), part.provider()), part);
    }

    @Override
    public synchronized boolean insert(SyncPart part) {
        if (parts.containsKey(key(part.poolId(), part.provider())) || part.providerPoolId()
                .flatMap(id -> findByProviderPoolId(part.provider(), id)).isPresent()) {
            return false;
        }
        parts.put(key(part.poolId(), part.provider()), part);
        return true;
    }

    @Override
    public synchronized Optional<SyncPart> findByProviderPoolId(Provider provider, String providerPoolId) {
        return parts.values().stream().filter(p -> p.provider() == provider)
                .filter(p -> p.providerPoolId().filter(providerPoolId::equals).isPresent()).findFirst();
    }

    @Override
    public synchronized void delete(SyncPart part) {
        parts.remove(key(part.poolId(), part.provider()));
    }
}
