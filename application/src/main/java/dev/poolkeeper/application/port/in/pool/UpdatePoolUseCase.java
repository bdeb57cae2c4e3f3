package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.domain.pool.NumberPool;

public interface UpdatePoolUseCase {
    NumberPool updatePool(UpdatePoolCommand command);
}
