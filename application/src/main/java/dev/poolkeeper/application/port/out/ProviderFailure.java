package dev.poolkeeper.application.port.out;

/**
 * Why a provider call did not succeed, in one vocabulary for every provider: each slice maps its own status
 * codes and error bodies into it in one place, and the core decides on it alone (retry, refuse, disable).
 */
public enum ProviderFailure {
    /** The provider refused the request as it was: retrying it unchanged cannot help. */
    INVALID(false),
    /** The credentials were refused. */
    UNAUTHORIZED(false),
    /** The account's balance does not cover it: nothing was charged. */
    INSUFFICIENT_BALANCE(false),
    /** No such resource at the provider. */
    NOT_FOUND(false),
    /** The provider asks to slow down: nothing was done. */
    THROTTLED(true),
    /** The provider failed or was not ready (5xx, a resource still being set up, no connection). */
    UNAVAILABLE(true),
    /** No whole answer (timeout, reset): the call may or may not have been carried out. */
    NO_ANSWER(true);

    private final boolean retryable;

    ProviderFailure(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same call may work later. */
    public boolean retryable() {
        return retryable;
    }

    /** The usual meaning of an HTTP error status. */
    public static ProviderFailure ofStatus(int status) {
        return switch (status) {
            case 401, 403 -> UNAUTHORIZED;
            case 402 -> INSUFFICIENT_BALANCE;
            case 404 -> NOT_FOUND;
            case 429 -> THROTTLED;
            default -> status >= 500 ? UNAVAILABLE : INVALID;
        };
    }
}
