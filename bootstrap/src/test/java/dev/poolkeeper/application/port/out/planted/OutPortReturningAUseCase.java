package dev.poolkeeper.application.port.out.planted;

import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;

/** Breaks the rules on purpose: an out-port that hands out a use case. Test sources only. */
public interface OutPortReturningAUseCase {
    GetPoolUseCase useCase();
}
