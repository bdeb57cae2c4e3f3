package dev.poolkeeper.application.port.out.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Delivery probes; a code is unique per inbox. */
public interface ProbeRepository {
    void insert(Probe probe);

    /** Stores the probe's new state if it is still in {@code from}; false when another instance settled it first. */
    boolean update(Probe probe, Probe.Status from);

    /** The pool's probes, oldest first. */
    Page<Probe> list(AccountId accountId, PoolId poolId, PageRequest page);

    /** Up to {@code limit} probes of every account still awaited in their inbox, grouped by inbox. */
    List<Probe> awaited(int limit);

    /** Whether a probe from a number other than {@code except} reached the inbox at or after {@code since}. */
    boolean arrivedFromAnotherNumber(CanaryInboxId inboxId, PhoneNumber except, Instant since);

    /** Forgets up to {@code limit} settled probes sent before {@code cutoff}; how many. */
    int deleteSettledBefore(Instant cutoff, int limit);

    /** When each of the pool's numbers was last probed. */
    Map<PhoneNumber, Instant> lastProbed(AccountId accountId, PoolId poolId);
}
