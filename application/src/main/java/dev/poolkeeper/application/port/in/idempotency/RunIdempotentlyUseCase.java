package dev.poolkeeper.application.port.in.idempotency;

import dev.poolkeeper.application.idempotency.IdempotentOutcome;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import java.util.function.Supplier;

/**
 * Runs a creating request that carried an {@code Idempotency-Key} so that the key always leads back to what
 * the first request created, and a retry never creates a second one, however long after a crash it
 * comes. The first successful (2xx) response is kept 24 hours and replayed byte for byte; a refusal is not
 * kept (it changed nothing). Refuses with {@code idempotency.key_reused} when the key came with another
 * request, and {@code idempotency.in_progress} while the first request may still be running.
 */
public interface RunIdempotentlyUseCase {
    IdempotentOutcome run(IdempotentRequest request, Binding binding, Supplier<StoredResponse> action);

    /** How the key is tied to what the action creates. */
    enum Binding {
        /**
         * The action's writes and its stored response commit in one database transaction: a reservation
         * without a response is a request that never committed, so it is taken over once it is older than
         * a running request can be.
         */
        SAME_TRANSACTION,
        /**
         * The action stores the key with what it creates (a message, before any provider is called) and,
         * run again with the key, finds it instead of creating another. It is not held in a transaction
         * (it calls providers), and a retry never waits: it runs the action, which answers with what the
         * first request created.
         */
        BOUND_BY_ACTION
    }
}
