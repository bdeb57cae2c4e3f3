package dev.poolkeeper.application.service.idempotency;

import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.port.in.idempotency.AbandonIdempotentRequestUseCase;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;

public final class AbandonIdempotentRequestService implements AbandonIdempotentRequestUseCase {
    private final IdempotencyRepository records;

    public AbandonIdempotentRequestService(IdempotencyRepository records) {
        this.records = records;
    }

    @Override
    public void abandon(IdempotentRequest request) {
        records.delete(request);
    }
}
