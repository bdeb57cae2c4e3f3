package dev.poolkeeper.adapters.persistence.idempotency;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.application.idempotency.IdempotencyRecord;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

@Singleton
final class IdempotencyPersistenceAdapter implements IdempotencyRepository {
    private static final Argument<Map<String, String>> HEADERS = Argument.mapOf(String.class, String.class);

    private final Jdbc jdbc;
    private final JsonColumns json;

    IdempotencyPersistenceAdapter(Jdbc jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean reserve(IdempotentRequest request, Instant at) {
        return jdbc.write(c -> Jdbc.insertUnlessDuplicate(c, w -> Jdbc.update(w,
                "INSERT INTO idempotency_keys (account_id, idem_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                request.accountId().value(), request.key(), request.fingerprint(), at)));
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotentRequest request) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT fingerprint, created_at, status_code, response_body, headers"
                        + " FROM idempotency_keys WHERE account_id = ? AND idem_key = ?",
                rs -> {
                    int status = rs.getInt("status_code");
                    Optional<StoredResponse> response = rs.wasNull() ? Optional.empty()
                            : Optional.of(new StoredResponse(status, rs.getString("response_body"),
                                    headersOf(rs.getString("headers"))));
                    return new IdempotencyRecord(rs.getString("fingerprint"), Jdbc.instant(rs, "created_at"), response);
                }, request.accountId().value(), request.key()));
    }

    @Override
    public void complete(IdempotentRequest request, StoredResponse response) {
        String headers = json.write(response.headers());
        jdbc.write(c -> Jdbc.update(c, "UPDATE idempotency_keys SET status_code = ?, response_body = ?, headers = ?"
                        + " WHERE account_id = ? AND idem_key = ?", response.status(), response.body(), headers,
                request.accountId().value(), request.key()));
    }

    @Override
    public void delete(IdempotentRequest request) {
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM idempotency_keys WHERE account_id = ? AND idem_key = ?",
                request.accountId().value(), request.key()));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM idempotency_keys WHERE created_at < ?", cutoff));
    }

    private Map<String, String> headersOf(String stored) {
        Map<String, String> headers = json.read(stored, HEADERS);
        return headers == null ? Map.of() : headers;
    }
}
