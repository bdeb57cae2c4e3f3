package dev.poolkeeper.domain.event;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An endpoint's signing secrets: the current one and, for an overlap after a rotation, the previous one
 * until {@code previousUntil}. A delivery is signed with each secret in force, so a receiver that still
 * has the old secret keeps verifying until it switches.
 */
public record SigningSecrets(String current, Optional<String> previous, Optional<Instant> previousUntil) {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SigningSecrets {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(previousUntil, "previousUntil");
    }

    /** A new secret: {@code whsec_} and 32 random bytes, base64url. */
    public static SigningSecrets generate() {
        return new SigningSecrets(newSecret(), Optional.empty(), Optional.empty());
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new current secret; the old one keeps signing for {@code overlap}. */
    public SigningSecrets rotate(Duration overlap, Instant now) {
        return new SigningSecrets(newSecret(), Optional.of(current), Optional.of(now.plus(overlap)));
    }

    /** The secrets in force at {@code now}, the current one first. */
    public List<String> inForce(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(current));
        if (previous.isPresent() && previousUntil.map(now::isBefore).orElse(false)) {
            secrets.add(previous.get());
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "SigningSecrets[redacted]";
    }
}
