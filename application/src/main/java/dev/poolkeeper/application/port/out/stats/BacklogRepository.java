package dev.poolkeeper.application.port.out.stats;

import dev.poolkeeper.domain.sync.SyncState;
import java.util.Map;

/** What is waiting or wrong across all accounts, for operators' metrics. Counts, never rows. */
public interface BacklogRepository {
    /** Pooled numbers whose health is {@code unhealthy}. */
    long unhealthyNumbers();

    /** Messages whose provider's answer was lost, waiting for a receipt to settle them. */
    long messagesAwaitingReconciliation();

    /** Pools with a sync request not yet completed (the outbox's depth). */
    long syncRequestsOutstanding();

    /** Provider parts by sync state; every state is present, with zero when none is in it. */
    Map<SyncState, Long> syncPartsByState();
}
