package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.PoolIndex;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each pool's selection index, in this instance's memory, with the pool's row it was last used with. An
 * index is valid for the pool's {@code updated_at}, which every membership or health change moves (on any
 * instance), so the index is rebuilt only after such a change; the row is current while the pool's
 * {@link PoolRepository.Stamp} is unchanged, so a decision reads the stamp alone (three columns) and maps no
 * row until the pool changes.
 */
public final class PoolIndexCache {
    private record Entry(Instant stamp, long count, PoolIndex index, NumberPool pool) {
    }

    private final PoolMemberRepository members;
    private final ConcurrentHashMap<PoolId, Entry> entries = new ConcurrentHashMap<>();

    public PoolIndexCache(PoolMemberRepository members) {
        this.members = members;
    }

    PoolIndex indexOf(NumberPool pool) {
        Entry entry = entries.compute(pool.id(), (id, current) -> {
            if (current != null && current.stamp().equals(pool.updatedAt()) && current.count() == pool.numberCount()) {
                return current.pool() == pool ? current : new Entry(current.stamp(), current.count(), current.index(),
                        pool);
            }
            return new Entry(pool.updatedAt(), pool.numberCount(), PoolIndex.of(members.all(id)), pool);
        });
        return entry.index();
    }

    /** The row and index last used for the pool, when the account's pool still has {@code stamp}. */
    Optional<SenderDecisions.Loaded> ifCurrent(AccountId accountId, PoolId poolId, PoolRepository.Stamp stamp) {
        Entry entry = entries.get(poolId);
        return entry != null && entry.pool().accountId().equals(accountId)
                && PoolRepository.Stamp.of(entry.pool()).equals(stamp)
                ? Optional.of(new SenderDecisions.Loaded(entry.pool(), entry.index())) : Optional.empty();
    }
}
