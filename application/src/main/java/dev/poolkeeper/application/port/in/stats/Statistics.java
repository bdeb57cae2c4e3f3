package dev.poolkeeper.application.port.in.stats;

import dev.poolkeeper.domain.sync.SyncState;
import java.util.Map;

/**
 * How much Poolkeeper holds, and what waits: unhealthy numbers, messages whose answer was lost, the sync
 * outbox's depth and the provider parts by state.
 */
public record Statistics(long accounts, long pools, long numbers, long unhealthyNumbers,
                         long messagesAwaitingReconciliation, long syncRequestsOutstanding,
                         Map<SyncState, Long> syncParts) {
    public Statistics {
        syncParts = Map.copyOf(syncParts);
    }

    public static Statistics none() {
        Map<SyncState, Long> parts = new java.util.EnumMap<>(SyncState.class);
        for (SyncState state : SyncState.values()) {
            parts.put(state, 0L);
        }
        return new Statistics(0, 0, 0, 0, 0, 0, parts);
    }
}
