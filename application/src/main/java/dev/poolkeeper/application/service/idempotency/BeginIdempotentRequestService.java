package dev.poolkeeper.application.service.idempotency;

import dev.poolkeeper.application.idempotency.IdempotencyDecision;
import dev.poolkeeper.application.idempotency.IdempotencyRecord;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.port.in.idempotency.BeginIdempotentRequestUseCase;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reserves the key in its own committed write, so a concurrent retry on another instance sees it.
 * A record lives 24 hours; a reservation whose request never finished (the process died) is taken
 * over after {@link #ABANDONED_AFTER}.
 */
public final class BeginIdempotentRequestService implements BeginIdempotentRequestUseCase {
    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final IdempotencyRepository records;
    private final Clock clock;

    public BeginIdempotentRequestService(IdempotencyRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public IdempotencyDecision begin(IdempotentRequest request) {
        Instant now = Times.now(clock);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (records.reserve(request, now)) {
                return new IdempotencyDecision.Proceed();
            }
            Optional<IdempotencyRecord> found = records.find(request);
            if (found.isEmpty()) {
                continue;
            }
            IdempotencyRecord record = found.get();
            if (record.createdAt().plus(RETENTION).isBefore(now)) {
                records.delete(request);
                continue;
            }
            if (!record.fingerprint().equals(request.fingerprint())) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used with another request in the last 24 hours");
            }
            if (record.response().isPresent()) {
                return new IdempotencyDecision.Replay(record.response().get());
            }
            if (record.createdAt().plus(ABANDONED_AFTER).isBefore(now)) {
                records.delete(request);
                continue;
            }
            throw new DomainException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        throw new DomainException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                "a request with this Idempotency-Key is still being processed; retry shortly");
    }
}
