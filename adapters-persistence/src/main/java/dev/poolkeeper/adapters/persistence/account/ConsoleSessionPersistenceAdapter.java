package dev.poolkeeper.adapters.persistence.account;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.account.ConsoleSessionRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.account.ConsoleSession;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

@Singleton
public final class ConsoleSessionPersistenceAdapter implements ConsoleSessionRepository {
    private final Jdbc jdbc;

    ConsoleSessionPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ConsoleSession s) {
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO console_sessions (id_hash, account_id, key_id, created_at,"
                        + " last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", s.idHash(), s.accountId().value(),
                s.keyId().value(), s.createdAt(), s.lastSeenAt(), s.expiresAt()));
    }

    @Override
    public Optional<ConsoleSession> findWithActiveKey(String idHash) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT s.id_hash, s.account_id, s.key_id, s.created_at,"
                        + " s.last_seen_at, s.expires_at FROM console_sessions s JOIN api_keys k ON k.id = s.key_id"
                        + " WHERE s.id_hash = ? AND k.revoked_at IS NULL",
                rs -> new ConsoleSession(rs.getString("id_hash"), new AccountId(rs.getString("account_id")),
                        new ApiKeyId(rs.getString("key_id")), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "last_seen_at"), Jdbc.instant(rs, "expires_at")), idHash));
    }

    @Override
    public void touch(String idHash, Instant at) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE console_sessions SET last_seen_at = ? WHERE id_hash = ?", at, idHash));
    }

    @Override
    public void delete(String idHash) {
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM console_sessions WHERE id_hash = ?", idHash));
    }

    @Override
    public int deleteEnded(Instant now, Instant idleSince) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM console_sessions WHERE expires_at <= ?"
                + " OR last_seen_at < ? LIMIT 1000", now, idleSince));
    }
}
