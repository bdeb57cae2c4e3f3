package dev.poolkeeper.application.idempotency;

import java.time.Instant;
import java.util.Optional;

/** What is kept for a key: the request's fingerprint and, once it finished, its response. */
public record IdempotencyRecord(String fingerprint, Instant createdAt, Optional<StoredResponse> response) {
}
