package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.PoolIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each pool's selection index, in this instance's memory, with the pool's row it was last used with. An
 * index is valid for the pool's {@code updated_at}, which every membership or health change moves (on any
 * instance), so the index is rebuilt only after such a change; the row is current while the pool's
 * {@link PoolRepository.Stamp} is unchanged, so a decision reads the stamp alone (three columns) and maps no
 * row until the pool changes.
 *
 * <p>Bounded by the members its indexes hold together ({@code maxMembers}; an index costs a few hundred bytes
 * per member): past the bound, the indexes used least recently are dropped until a tenth of the room is
 * free again, and rebuilt from the database when next needed. The index just built is never the one dropped,
 * so a pool larger than the bound still decides, rebuilding its index after the others have had their turn.
 */
public final class PoolIndexCache {
    /** Members held at most by default: a few hundred MB of indexes. */
    public static final long DEFAULT_MAX_MEMBERS = 2_000_000;

    /** An index and the row it was last used with; the index is valid for the row's {@code updated_at} and count. */
    private static final class Entry {
        final PoolIndex index;
        final NumberPool pool;
        /** When a decision last used it ({@link System#nanoTime}); a plain write per use, read when evicting. */
        volatile long usedAt;

        Entry(PoolIndex index, NumberPool pool) {
            this.index = index;
            this.pool = pool;
            this.usedAt = System.nanoTime();
        }

        boolean indexes(NumberPool other) {
            return pool.updatedAt().equals(other.updatedAt()) && pool.numberCount() == other.numberCount();
        }
    }

    private final PoolMemberRepository members;
    private final long maxMembers;
    private final ConcurrentHashMap<PoolId, Entry> entries = new ConcurrentHashMap<>();
    /** The members of the indexes held, as counted when each was built. */
    private final AtomicLong held = new AtomicLong();

    public PoolIndexCache(PoolMemberRepository members) {
        this(members, DEFAULT_MAX_MEMBERS);
    }

    public PoolIndexCache(PoolMemberRepository members, long maxMembers) {
        if (maxMembers < 1) {
            throw new IllegalArgumentException("the index cache must hold at least one member");
        }
        this.members = members;
        this.maxMembers = maxMembers;
    }

    PoolIndex indexOf(NumberPool pool) {
        boolean[] built = {false};
        Entry entry = entries.compute(pool.id(), (id, current) -> {
            boolean indexValid = current != null && current.indexes(pool);
            if (indexValid && current.pool == pool) {
                return current;
            }
            Entry fresh = new Entry(indexValid ? current.index : PoolIndex.of(members.all(id)), pool);
            held.addAndGet(pool.numberCount() - (current == null ? 0 : current.pool.numberCount()));
            built[0] = !indexValid;
            return fresh;
        });
        entry.usedAt = System.nanoTime();
        if (built[0] && held.get() > maxMembers) {
            evict(pool.id());
        }
        return entry.index;
    }

    /** The row and index last used for the pool, when the account's pool still has {@code stamp}. */
    Optional<SenderDecisions.Loaded> ifCurrent(AccountId accountId, PoolId poolId, PoolRepository.Stamp stamp) {
        Entry entry = entries.get(poolId);
        if (entry == null || !entry.pool.accountId().equals(accountId)
                || !PoolRepository.Stamp.of(entry.pool).equals(stamp)) {
            return Optional.empty();
        }
        entry.usedAt = System.nanoTime();
        return Optional.of(new SenderDecisions.Loaded(entry.pool, entry.index));
    }

    /** The members the held indexes hold, as counted when each was built. */
    public long heldMembers() {
        return held.get();
    }

    /** The pools whose index is held. */
    public int heldPools() {
        return entries.size();
    }

    /** Drops the least recently used indexes, never {@code keep}'s, until a tenth of the room is free. */
    private synchronized void evict(PoolId keep) {
        long target = maxMembers - maxMembers / 10;
        if (held.get() <= maxMembers) {
            return;
        }
        List<Map.Entry<PoolId, Entry>> byUse = new ArrayList<>(entries.entrySet());
        byUse.sort(Comparator.comparingLong(e -> e.getValue().usedAt));
        for (Map.Entry<PoolId, Entry> e : byUse) {
            if (held.get() <= target) {
                return;
            }
            if (!e.getKey().equals(keep) && entries.remove(e.getKey(), e.getValue())) {
                held.addAndGet(-e.getValue().pool.numberCount());
            }
        }
    }
}
