package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.idempotency.IdempotencyRecord;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryIdempotency implements IdempotencyRepository {
    private final Map<String, IdempotencyRecord> records = new HashMap<>();

    private static String key(IdempotentRequest r) {
        return r.accountId() + "/" + r.key();
    }

    @Override
    public synchronized boolean reserve(IdempotentRequest request, Instant at) {
        return records.putIfAbsent(key(request), new IdempotencyRecord(request.fingerprint(), at, Optional.empty()))
                == null;
    }

    @Override
    public synchronized Optional<IdempotencyRecord> find(IdempotentRequest request) {
        return Optional.ofNullable(records.get(key(request)));
    }

    @Override
    public synchronized void complete(IdempotentRequest request, StoredResponse response) {
        records.computeIfPresent(key(request),
                (k, r) -> new IdempotencyRecord(r.fingerprint(), r.createdAt(), Optional.of(response)));
    }

    @Override
    public synchronized void delete(IdempotentRequest request) {
        records.remove(key(request));
    }

    @Override
    public synchronized int deleteCreatedBefore(Instant cutoff) {
        int before = records.size();
        records.values().removeIf(r -> r.createdAt().isBefore(cutoff));
        return before - records.size();
    }
}
