package dev.poolkeeper.application.port.in.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Operators sign in to the console with an API key and get a server-side session; the key itself is used
 * once and never kept by the browser.
 */
public interface ConsoleSessionsUseCase {
    /**
     * Starts a session for an active key; empty for an unknown or revoked one. Attempts are limited per
     * client address ({@code request.rate_limited} with a wait).
     */
    Optional<SignedIn> signIn(String presentedKey, String clientAddress);

    /** The caller of a live session (and the session counts as used); empty once it ended. */
    Optional<Session> resume(String token);

    void signOut(String token);

    /** A new session: its token goes into the browser's cookie, and nowhere else. */
    record SignedIn(String token, Caller caller, Instant expiresAt) {
    }

    /** A live session: who it acts for, and the token its pages' forms carry against cross-site requests. */
    record Session(Caller caller, String csrfToken) {
    }
}
