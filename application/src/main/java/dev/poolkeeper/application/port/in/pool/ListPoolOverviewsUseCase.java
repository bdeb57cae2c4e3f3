package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.List;

/**
 * The caller's pools as an operator scans them: each with how many of its numbers are unhealthy (resting
 * until given another chance) and its part at each provider.
 */
public interface ListPoolOverviewsUseCase {
    Page<PoolOverview> listPoolOverviews(ListPoolsQuery query);

    record PoolOverview(NumberPool pool, long unhealthy, List<SyncPart> parts) {
        public PoolOverview {
            parts = List.copyOf(parts);
        }
    }
}
