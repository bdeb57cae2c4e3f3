package dev.poolkeeper.application.port.in.planted;

import dev.poolkeeper.application.port.out.pool.PoolRepository;

/** Breaks the rules on purpose: a use case interface that exposes an out-port. Test sources only. */
public interface UseCaseReachingForARepository {
    PoolRepository repository();
}
