package dev.poolkeeper.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void generatedKeysAreDistinctAndStoredOnlyAsTheirHash() {
        ApiKeySecret a = ApiKeySecret.generate();
        ApiKeySecret b = ApiKeySecret.generate();
        assertNotEquals(a.plaintext(), b.plaintext());
        assertTrue(a.plaintext().startsWith("pk_"));
        ApiKey stored = ApiKey.issue(new AccountId("acct_1"), a, Instant.EPOCH);
        assertEquals(64, stored.hash().length());
        assertFalse(stored.toString().contains(a.plaintext()), "a stored key never holds the plaintext");
        assertEquals(ApiKeySecret.hash(a.plaintext()), stored.hash());
    }

    @Test
    void theSecretNeverPrintsItself() {
        ApiKeySecret a = ApiKeySecret.generate();
        assertFalse(a.toString().contains(a.plaintext()));
    }

    @Test
    void aConfiguredKeyMustBeLongEnough() {
        assertThrows(IllegalArgumentException.class, () -> ApiKeySecret.of("short"));
        assertEquals("dev-key-0123456789", ApiKeySecret.of("dev-key-0123456789").plaintext());
    }
}
