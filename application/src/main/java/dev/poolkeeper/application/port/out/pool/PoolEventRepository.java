package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolId;

public interface PoolEventRepository {
    void append(PoolEvent event);

    Page<PoolEvent> list(PoolId poolId, PageRequest page);
}
