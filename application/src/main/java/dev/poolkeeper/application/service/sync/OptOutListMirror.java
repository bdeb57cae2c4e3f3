package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.application.service.provider.ProviderCatalog;
import java.time.Instant;

/**
 * An opt-out list changed: the pools whose part at a provider mirrors their list (Pinpoint) get a sync
 * request, written in the caller's unit of work like every other outbox entry.
 */
public final class OptOutListMirror {
    private final PoolRepository pools;
    private final OptOutListRepository lists;
    private final SyncRequestRepository requests;
    private final ProviderCatalog providers;

    public OptOutListMirror(PoolRepository pools, OptOutListRepository lists, SyncRequestRepository requests,
                            ProviderCatalog providers) {
        this.providers = providers;
        this.pools = pools;
        this.lists = lists;
        this.requests = requests;
    }

    /** A named list of the account changed. */
    public void listChanged(AccountId accountId, OptOutListName name, Instant at) {
        for (PoolId poolId : lists.poolsUsing(accountId, name)) {
            pools.find(accountId, poolId).ifPresent(pool -> poolListChanged(pool, at));
        }
    }

    /** The list this pool uses changed (its own, or a named one it shares with other pools). */
    public void poolListChanged(NumberPool pool, Instant at) {
        if (pool.providers().stream().anyMatch(providers::mirrorsOptOutList)) {
            requests.requestAfterChange(pool.accountId(), pool.id(), at);
        }
    }
}
