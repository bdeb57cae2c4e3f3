package dev.poolkeeper.domain.account;

import dev.poolkeeper.domain.shared.Hashes;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The plaintext of an API key: shown once, when created, and never stored. What is stored is its
 * SHA-256 {@link #hash()}: keys are 190 random bits, so a fast hash cannot be brute-forced and a
 * slow password hash would only cost latency on every request (docs/adr/0005).
 */
public final class ApiKeySecret {
    public static final String KEY_PREFIX = "pk_";
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 32;
    private static final int DISPLAY_PREFIX_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String plaintext;

    private ApiKeySecret(String plaintext) {
        this.plaintext = plaintext;
    }

    public static ApiKeySecret generate() {
        StringBuilder sb = new StringBuilder(KEY_PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new ApiKeySecret(sb.toString());
    }

    /** A key given from outside (a configured development key, or one presented by a client). */
    public static ApiKeySecret of(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (plaintext.length() < 16 || plaintext.length() > 200 || plaintext.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an API key is 16-200 characters without spaces");
        }
        return new ApiKeySecret(plaintext);
    }

    public String plaintext() {
        return plaintext;
    }

    public String hash() {
        return hash(plaintext);
    }

    /** The first characters, safe to show in listings so a person can tell keys apart. */
    public String displayPrefix() {
        return plaintext.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, plaintext.length()));
    }

    public static String hash(String plaintext) {
        return Hashes.sha256Hex(plaintext);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return displayPrefix() + "…";
    }
}
