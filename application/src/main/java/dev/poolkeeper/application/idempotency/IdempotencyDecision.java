package dev.poolkeeper.application.idempotency;

/** Either go ahead (the key is now reserved for this request) or replay the first response. */
public sealed interface IdempotencyDecision {
    record Proceed() implements IdempotencyDecision {
    }

    record Replay(StoredResponse response) implements IdempotencyDecision {
    }
}
