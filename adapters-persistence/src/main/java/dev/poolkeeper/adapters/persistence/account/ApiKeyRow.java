package dev.poolkeeper.adapters.persistence.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

/** A row of {@code api_keys}: the key's hash and display prefix, never the key. Times are UTC. */
@MappedEntity("api_keys")
record ApiKeyRow(
        @Id @GeneratedValue @Nullable Long seq,
        String id,
        String accountId,
        String prefix,
        String keyHash,
        LocalDateTime createdAt,
        @Nullable LocalDateTime lastUsedAt,
        @Nullable LocalDateTime revokedAt) {
}
