package dev.poolkeeper.application.service.idempotency;

import dev.poolkeeper.application.idempotency.IdempotencyRecord;
import dev.poolkeeper.application.idempotency.IdempotentOutcome;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The key is reserved in a committed write of its own, so a concurrent retry on another instance sees it;
 * then the action runs as its {@link Binding} says. A record lives {@link #RETENTION}.
 */
public final class RunIdempotentlyService implements RunIdempotentlyUseCase {
    public static final Duration RETENTION = Duration.ofHours(24);

    private final IdempotencyRepository records;
    private final TransactionRunner tx;
    private final Duration abandonedAfter;
    private final Clock clock;

    /**
     * @param abandonedAfter how old a reservation without a response must be before a retry takes it over
     *                       ({@link Binding#SAME_TRANSACTION} only): longer than any request runs
     */
    public RunIdempotentlyService(IdempotencyRepository records, TransactionRunner tx, Duration abandonedAfter,
                                  Clock clock) {
        this.records = records;
        this.tx = tx;
        this.abandonedAfter = Objects.requireNonNull(abandonedAfter, "abandonedAfter");
        this.clock = clock;
    }

    private enum Start { OWNER, RETRY_OF_RUNNING }

    private record Begun(Start start, Optional<StoredResponse> replay) {
    }

    @Override
    public IdempotentOutcome run(IdempotentRequest request, Binding binding, Supplier<StoredResponse> action) {
        Begun begun = begin(request, binding);
        if (begun.replay().isPresent()) {
            return new IdempotentOutcome(begun.replay().get(), true);
        }
        if (begun.start() == Start.RETRY_OF_RUNNING) {
            // the action finds what the first request created (or creates it, if that request died first)
            return new IdempotentOutcome(action.get(), true);
        }
        StoredResponse response;
        try {
            response = binding == Binding.SAME_TRANSACTION
                    ? tx.inTransaction(() -> completed(request, action.get()))
                    : completed(request, action.get());
        } catch (RuntimeException e) {
            records.delete(request);
            throw e;
        }
        if (!succeeded(response)) {
            records.delete(request);
        }
        return new IdempotentOutcome(response, false);
    }

    private StoredResponse completed(IdempotentRequest request, StoredResponse response) {
        if (succeeded(response)) {
            records.complete(request, response);
        }
        return response;
    }

    private static boolean succeeded(StoredResponse response) {
        return response.status() >= 200 && response.status() < 300;
    }

    private Begun begin(IdempotentRequest request, Binding binding) {
        Instant now = Times.now(clock);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (records.reserve(request, now)) {
                return new Begun(Start.OWNER, Optional.empty());
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
                return new Begun(Start.OWNER, record.response());
            }
            if (binding == Binding.BOUND_BY_ACTION) {
                return new Begun(Start.RETRY_OF_RUNNING, Optional.empty());
            }
            if (record.createdAt().plus(abandonedAfter).isBefore(now)) {
                // its transaction never committed (the response commits with it): nothing was created
                records.delete(request);
                continue;
            }
            throw inProgress();
        }
        throw inProgress();
    }

    private static DomainException inProgress() {
        return new DomainException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                "a request with this Idempotency-Key is still being processed; retry shortly");
    }
}
