package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.PoolIndex;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each pool's selection index, in this instance's memory. An index is valid for the pool's
 * {@code updated_at}, which every membership or health change moves (on any instance), so a decision
 * reads one pool row and rebuilds the index only after a change.
 */
public final class PoolIndexCache {
    private record Entry(Instant stamp, long count, PoolIndex index) {
    }

    private final PoolMemberRepository members;
    private final ConcurrentHashMap<PoolId, Entry> entries = new ConcurrentHashMap<>();

    public PoolIndexCache(PoolMemberRepository members) {
        this.members = members;
    }

    PoolIndex indexOf(NumberPool pool) {
        Entry entry = entries.compute(pool.id(), (id, current) ->
                current != null && current.stamp().equals(pool.updatedAt()) && current.count() == pool.numberCount()
                        ? current
                        : new Entry(pool.updatedAt(), pool.numberCount(), PoolIndex.of(members.all(id))));
        return entry.index();
    }
}
