package dev.poolkeeper.domain.account;

import dev.poolkeeper.domain.shared.Hashes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * An operator signed in to the console with an API key: a server-side session, known to the browser only by
 * a random token in a cookie. What is stored is the token's SHA-256 ({@link #idHash}); the session ends after
 * {@code idle} without a request, at {@link #expiresAt} whatever happens, or when its key is revoked.
 */
public record ConsoleSession(String idHash, AccountId accountId, ApiKeyId keyId, Instant createdAt,
                             Instant lastSeenAt, Instant expiresAt) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ConsoleSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new session and the token that names it (256 random bits, URL-safe), shown to the browser only. */
    public static Started start(ApiKey key, Instant now, Duration absolute) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Started(token, new ConsoleSession(hash(token), key.accountId(), key.id(), now, now,
                now.plus(absolute)));
    }

    /** A session just started, with its token. */
    public record Started(String token, ConsoleSession session) {
    }

    /** Whether the session still holds at {@code now}: neither idle for {@code idle} nor past its end. */
    public boolean liveAt(Instant now, Duration idle) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }

    /**
     * The token a page's forms carry against cross-site requests: derived from the session's token, so it
     * is stored nowhere and changes with every session.
     */
    public static String csrfToken(String sessionToken) {
        return Hashes.sha256Hex("csrf:" + sessionToken);
    }

    public static String hash(String token) {
        return Hashes.sha256Hex(token);
    }
}
