package dev.poolkeeper.application.idempotency;

/** The response to give, and whether it answers a retry rather than the first request. */
public record IdempotentOutcome(StoredResponse response, boolean replayed) {
}
