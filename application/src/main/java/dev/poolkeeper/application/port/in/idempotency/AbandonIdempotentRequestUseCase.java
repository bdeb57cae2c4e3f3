package dev.poolkeeper.application.port.in.idempotency;

import dev.poolkeeper.application.idempotency.IdempotentRequest;

/** After an idempotent request failed for a reason a retry may not meet again: free its key. */
public interface AbandonIdempotentRequestUseCase {
    void abandon(IdempotentRequest request);
}
