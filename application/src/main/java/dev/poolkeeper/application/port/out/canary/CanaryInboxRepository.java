package dev.poolkeeper.application.port.out.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The accounts' canary inboxes; a rental key is unique per account, a rental id per connection. */
public interface CanaryInboxRepository {
    /** False when the account already has an inbox asked for with that rental key. */
    boolean insert(CanaryInbox inbox);

    /**
     * Stores the inbox's new state if it is still in {@code from} as stored; false otherwise (another
     * instance moved it first) or when another inbox of the connection already holds its rental id.
     */
    boolean update(CanaryInbox inbox, CanaryInbox.Status from);

    /** Removes an inbox still {@code renting}: the provider refused, so nothing was rented. */
    void deleteRenting(CanaryInbox inbox);

    Optional<CanaryInbox> find(AccountId accountId, CanaryInboxId id);

    Optional<CanaryInbox> findByRentalKey(AccountId accountId, String rentalKey);

    /** Oldest first. */
    Page<CanaryInbox> list(AccountId accountId, PageRequest page);

    /** Up to {@code limit} {@code active} inboxes of every account, ending soonest first. */
    List<CanaryInbox> active(int limit);

    /** The connection's {@code active} inboxes. */
    List<CanaryInbox> activeOf(ConnectionId connectionId);

    /** Inboxes of every account still {@code renting}, oldest first: the rentals whose answer is not known. */
    List<CanaryInbox> renting(int limit);

    /** Inboxes of every account {@code active} whose rental ends before {@code at}, soonest first. */
    List<CanaryInbox> activeEndingBefore(Instant at, int limit);

    /**
     * Notes that the inbox was warned of its end {@code days} ahead; false when it already was (each warning
     * is given once, by one instance).
     */
    boolean warnOnce(CanaryInboxId id, int days);

    /** Whether the inbox was warned of its end {@code days} ahead. */
    boolean warned(CanaryInboxId id, int days);

    /**
     * Notes that the pool was told of the inbox's end {@code days} ahead; false when it already was (two paths
     * may want to tell it at the same moment: only one does).
     */
    boolean warnPoolOnce(CanaryInboxId id, PoolId pool, int days);

    /** Which of these rental ids an inbox of any account already holds. */
    Set<String> claimed(Collection<String> rentalIds);
}
