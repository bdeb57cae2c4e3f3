package dev.poolkeeper.application.port.out.idempotency;

import dev.poolkeeper.application.idempotency.IdempotencyRecord;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Optional;

public interface IdempotencyRepository {
    /** Reserves the key for this request; false when the account already has a record for the key. */
    boolean reserve(IdempotentRequest request, Instant at);

    Optional<IdempotencyRecord> find(IdempotentRequest request);

    void complete(IdempotentRequest request, StoredResponse response);

    void delete(IdempotentRequest request);

    /** Forgets records created before {@code cutoff}; returns how many. */
    int deleteCreatedBefore(Instant cutoff);
}
