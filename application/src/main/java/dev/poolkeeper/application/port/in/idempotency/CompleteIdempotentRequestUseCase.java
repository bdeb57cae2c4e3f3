package dev.poolkeeper.application.port.in.idempotency;

import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;

/** After an idempotent request succeeded or was refused: keep its response for 24 hours. */
public interface CompleteIdempotentRequestUseCase {
    void complete(IdempotentRequest request, StoredResponse response);
}
