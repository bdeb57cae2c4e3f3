package dev.poolkeeper.adapters.persistence.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiKeyRowRepository extends GenericRepository<ApiKeyRow, Long> {

    ApiKeyRow save(ApiKeyRow row);

    Optional<ApiKeyRow> findByKeyHashAndRevokedAtIsNull(String keyHash);

    @Query("SELECT * FROM api_keys WHERE account_id = :accountId AND revoked_at IS NULL AND seq > :after"
            + " ORDER BY seq LIMIT :limit")
    List<ApiKeyRow> listActive(String accountId, long after, int limit);

    @Query("UPDATE api_keys SET revoked_at = :at WHERE account_id = :accountId AND id = :id AND revoked_at IS NULL")
    long revoke(String accountId, String id, LocalDateTime at);

    @Query("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
    long recordUse(String id, LocalDateTime at);
}
