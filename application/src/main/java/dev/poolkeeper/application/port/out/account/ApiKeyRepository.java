package dev.poolkeeper.application.port.out.account;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

public interface ApiKeyRepository {
    void insert(ApiKey key);

    /** The key with this hash, unless it was revoked. */
    Optional<ApiKey> findActiveByHash(String hash);

    Page<ApiKey> listActive(AccountId accountId, PageRequest page);

    /** Revokes a key of this account; false when the account has no such active key. */
    boolean revoke(AccountId accountId, ApiKeyId keyId, Instant at);

    void recordUse(ApiKeyId keyId, Instant at);
}
