package dev.poolkeeper.application.idempotency;

import dev.poolkeeper.domain.account.AccountId;
import java.util.Objects;

/**
 * A request that carried an {@code Idempotency-Key}: keys are scoped to the account, and the
 * fingerprint (a hash of method, path and body) tells a retry from a reuse of the key for another request.
 */
public record IdempotentRequest(AccountId accountId, String key, String fingerprint) {
    public static final int MAX_KEY_LENGTH = 255;

    public IdempotentRequest {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (!isWellFormedKey(key)) {
            throw new IllegalArgumentException("Idempotency-Key must be 1-" + MAX_KEY_LENGTH + " characters");
        }
    }

    /** Whether a key is one an account may use: 1 to {@value #MAX_KEY_LENGTH} characters, not all blank. */
    public static boolean isWellFormedKey(String key) {
        return !key.isBlank() && key.length() <= MAX_KEY_LENGTH;
    }
}
