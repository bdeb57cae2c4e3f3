package dev.poolkeeper.application.port.out.selection;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Recipient → sender mappings per pool; one per recipient, which the database enforces. */
public interface StickySenderRepository {
    Optional<StickyMapping> find(PoolId poolId, PhoneNumber recipient);

    /** The mappings of those of {@code recipients} that have one: as {@link #find} for each, in one look-up where it can. */
    default Map<PhoneNumber, StickyMapping> findAll(PoolId poolId, Collection<PhoneNumber> recipients) {
        Map<PhoneNumber, StickyMapping> found = new HashMap<>();
        for (PhoneNumber r : recipients) {
            find(poolId, r).ifPresent(m -> found.put(r, m));
        }
        return found;
    }

    /**
     * Stores the mapping unless the recipient already has one (another request, perhaps on another
     * instance, got there first); returns the mapping that is stored now.
     */
    StickyMapping insertIfAbsent(PoolId poolId, StickyMapping mapping);

    /** Stores the mapping, replacing any. */
    void put(PoolId poolId, StickyMapping mapping);

    void touch(PoolId poolId, PhoneNumber recipient, Instant at);

    /** As {@link #touch} for each of {@code recipients}, in one statement where it can. */
    default void touchAll(PoolId poolId, Collection<PhoneNumber> recipients, Instant at) {
        for (PhoneNumber r : recipients) {
            touch(poolId, r, at);
        }
    }

    boolean delete(PoolId poolId, PhoneNumber recipient);

    /** How many recipients of the pool are mapped to this sender (expired mappings included). */
    long countBySender(PoolId poolId, PhoneNumber sender);
}
