package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
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

    /** {@code %2B14155550100} (decoded to {@code +1…}) and bare digits both mean the same number. */
    public static PhoneNumber number(String raw) {
        return PhoneNumber.parse(raw);
    }
}
