package dev.poolkeeper.adapters.persistence.account;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeyId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** API keys through a generated Micronaut Data repository: plain CRUD, no hand-written SQL needed. */
@Singleton
final class ApiKeyPersistenceAdapter implements ApiKeyRepository {
    private final ApiKeyRowRepository rows;

    ApiKeyPersistenceAdapter(ApiKeyRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public void insert(ApiKey key) {
        rows.save(new ApiKeyRow(null, key.id().value(), key.accountId().value(), key.prefix(), key.hash(),
                utc(key.createdAt()), utc(key.lastUsedAt()), utc(key.revokedAt())));
    }

    @Override
    public Optional<ApiKey> findActiveByHash(String hash) {
        return rows.findByKeyHashAndRevokedAtIsNull(hash).map(ApiKeyPersistenceAdapter::toDomain);
    }

    @Override
    public Page<ApiKey> listActive(AccountId accountId, PageRequest page) {
        List<ApiKeyRow> found = rows.listActive(accountId.value(), page.after().orElse(0), page.size() + 1);
        return Page.of(found, page.size(), ApiKeyRow::seq).map(ApiKeyPersistenceAdapter::toDomain);
    }

    @Override
    public boolean revoke(AccountId accountId, ApiKeyId keyId, Instant at) {
        return rows.revoke(accountId.value(), keyId.value(), utc(at)) > 0;
    }

    @Override
    public void recordUse(ApiKeyId keyId, Instant at) {
        rows.recordUse(keyId.value(), utc(at));
    }

    private static ApiKey toDomain(ApiKeyRow r) {
        return new ApiKey(new ApiKeyId(r.id()), new AccountId(r.accountId()), r.prefix(), r.keyHash(),
                instant(r.createdAt()), instant(r.lastUsedAt()), instant(r.revokedAt()));
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
