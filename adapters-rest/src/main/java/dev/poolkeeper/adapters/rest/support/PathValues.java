package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

/** Path segments to ids: a malformed id is as unknown as a well-formed one that does not exist. */
public final class PathValues {
    private PathValues() {
    }

    public static PoolId poolId(String raw) {
        try {
            return new PoolId(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.POOL_NOT_FOUND, "no such pool");
        }
    }

    public static ApiKeyId apiKeyId(String raw) {
        try {
            return new ApiKeyId(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.API_KEY_NOT_FOUND, "no such API key");
        }
    }

    public static ConnectionId connectionId(String raw) {
        try {
            return new ConnectionId(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.PROVIDER_CONNECTION_NOT_FOUND, "no such provider connection");
        }
    }

    /** A message id from a path; anything malformed is a message that does not exist. */
    public static dev.poolkeeper.domain.message.MessageId messageId(String raw) {
        if (!dev.poolkeeper.domain.message.MessageId.isWellFormed(raw)) {
            throw dev.poolkeeper.domain.message.Message.notFound(raw);
        }
        return new dev.poolkeeper.domain.message.MessageId(raw);
    }

    public static dev.poolkeeper.domain.event.EventEndpointId eventEndpointId(String raw) {
        try {
            return new dev.poolkeeper.domain.event.EventEndpointId(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.EVENT_ENDPOINT_NOT_FOUND, "no such event endpoint");
        }
    }

    public static CanaryInboxId canaryInboxId(String raw) {
        if (!CanaryInboxId.isWellFormed(raw)) {
            throw CanaryInbox.notFound(String.valueOf(raw));
        }
        return new CanaryInboxId(raw);
    }

    /**
     * A number in a path: {@code +14155550100}, {@code %2B14155550100} or bare digits {@code 14155550100}
     * all mean the same number. (A literal '+' reaches here decoded as a space, as in a form; the routes
     * take it with the pattern {@code [^/]+}, since a plain URI variable stops at '+'.)
     */
    public static PhoneNumber number(String raw) {
        return PhoneNumber.parse(raw != null && raw.startsWith(" ") ? "+" + raw.substring(1) : raw);
    }
}
