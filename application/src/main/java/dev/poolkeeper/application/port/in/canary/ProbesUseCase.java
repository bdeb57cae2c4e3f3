package dev.poolkeeper.application.port.in.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;
import java.util.Optional;

/**
 * Delivery probes: from a pool's numbers to one of the account's canary inboxes, each with a unique code
 * the inbox is then read for. A sample takes the numbers probed longest ago first, so repeated runs rotate
 * through the pool.
 */
public interface ProbesUseCase {
    int DEFAULT_SAMPLE = 10;
    int MAX_SAMPLE = 100;

    /** Sends one probe from each of up to {@code sample} of the pool's numbers; the probes as sent. */
    List<Probe> probePool(Caller caller, PoolId poolId, CanaryInboxId inboxId, Optional<Integer> sample);

    Page<Probe> listProbes(Caller caller, PoolId poolId, PageRequest page);

    /** Sends probes to a paused inbox again. */
    CanaryInbox resumeProbes(Caller caller, CanaryInboxId inboxId);
}
