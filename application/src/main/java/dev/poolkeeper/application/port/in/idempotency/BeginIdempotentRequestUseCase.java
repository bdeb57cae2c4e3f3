package dev.poolkeeper.application.port.in.idempotency;

import dev.poolkeeper.application.idempotency.IdempotencyDecision;
import dev.poolkeeper.application.idempotency.IdempotentRequest;

/**
 * Before an idempotent request runs: reserve its key, or replay the stored response of the first
 * request with that key. Refuses with {@code idempotency.key_reused} when the key came with another
 * request, and {@code idempotency.in_progress} while the first request still runs.
 */
public interface BeginIdempotentRequestUseCase {
    IdempotencyDecision begin(IdempotentRequest request);
}
