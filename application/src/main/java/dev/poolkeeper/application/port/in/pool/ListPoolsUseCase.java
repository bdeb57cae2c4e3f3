package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.domain.pool.NumberPool;

public interface ListPoolsUseCase {
    Page<NumberPool> listPools(ListPoolsQuery query);
}
