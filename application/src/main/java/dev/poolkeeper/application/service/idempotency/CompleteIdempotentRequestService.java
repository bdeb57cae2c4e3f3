package dev.poolkeeper.application.service.idempotency;

import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.in.idempotency.CompleteIdempotentRequestUseCase;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;

public final class CompleteIdempotentRequestService implements CompleteIdempotentRequestUseCase {
    private final IdempotencyRepository records;

    public CompleteIdempotentRequestService(IdempotencyRepository records) {
        this.records = records;
    }

    @Override
    public void complete(IdempotentRequest request, StoredResponse response) {
        records.complete(request, response);
    }
}
