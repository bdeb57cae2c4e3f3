package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Ids;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the list an opt-out request names: an account's named list, or a pool's own list, which a pool
 * that names none keeps its opt-outs in and which is addressed by the pool's id ({@code pool_01…}). Names
 * starting with {@code pool_} are therefore not given to named lists.
 */
public final class OptOutLists {
    public static final String POOL_LIST_PREFIX = PoolId.PREFIX;

    private final OptOutListRepository lists;
    private final PoolRepository pools;

    public OptOutLists(OptOutListRepository lists, PoolRepository pools) {
        this.lists = lists;
        this.pools = pools;
    }

    /** A list found: the list, the key its numbers are stored under, and the pool when it is a pool's own. */
    public record Found(OptOutList list, String key, Optional<NumberPool> ownedBy) {
        /** Tells the mirror that the list changed: the pools that use it may mirror it at a provider. */
        void changed(OptOutListMirror mirror, Instant at) {
            ownedBy.ifPresentOrElse(pool -> mirror.poolListChanged(pool, at),
                    () -> mirror.listChanged(list.accountId(), list.name(), at));
        }
    }

    /** The caller's list of that name, or {@code opt_out_list.not_found}. */
    public Found require(Caller caller, OptOutListName name) {
        Optional<OptOutList> named = lists.find(caller.accountId(), name);
        if (named.isPresent()) {
            return new Found(named.get(), named.get().key(), Optional.empty());
        }
        if (Ids.isWellFormed(PoolId.PREFIX, name.value())) {
            Optional<NumberPool> pool = pools.find(caller.accountId(), new PoolId(name.value()));
            if (pool.isPresent() && pool.get().settings().optOutList().isEmpty()) {
                return new Found(new OptOutList(caller.accountId(), name, pool.get().createdAt()),
                        pool.get().optOutListKey(), pool);
            }
            if (pool.isPresent()) {
                throw new DomainException(ErrorCode.OPT_OUT_LIST_NOT_FOUND, "pool " + name + " keeps its opt-outs in"
                        + " the list " + pool.get().settings().optOutList().get() + ", not a list of its own");
            }
        }
        throw new DomainException(ErrorCode.OPT_OUT_LIST_NOT_FOUND, "no opt-out list " + name);
    }

    /** Named lists may not take the names of pools' own lists. */
    static void ensureNameIsFree(OptOutListName name) {
        if (name.value().startsWith(POOL_LIST_PREFIX)) {
            throw DomainException.invalidField("name", "names starting with " + POOL_LIST_PREFIX
                    + " are the pools' own lists");
        }
    }
}
