package dev.poolkeeper.adapters.persistence.sync;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.WireName;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
final class SyncPartPersistenceAdapter implements SyncPartRepository {
    private final Jdbc jdbc;

    SyncPartPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SyncPart> parts(PoolId poolId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT account_id, provider, provider_pool_id, state, last_synced_at,"
                        + " last_error, pending_operations FROM sync_parts WHERE pool_id = ? ORDER BY provider",
                rs -> new SyncPart(new AccountId(rs.getString("account_id")), poolId,
                        Jdbc.wireName(Provider.class, rs.getString("provider")),
                        Optional.ofNullable(rs.getString("provider_pool_id")),
                        WireName.parse(SyncState.class, rs.getString("state")).orElse(SyncState.PENDING),
                        Optional.ofNullable(rs.getObject("last_synced_at") == null ? null
                                : Jdbc.instant(rs, "last_synced_at")),
                        Optional.ofNullable(rs.getString("last_error")), rs.getInt("pending_operations")),
                poolId.value()));
    }

    @Override
    public void save(SyncPart p) {
        String error = p.lastError().map(e -> e.length() > 1000 ? e.substring(0, 1000) : e).orElse(null);
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO sync_parts (pool_id, provider, account_id, provider_pool_id,"
                        + " state, last_synced_at, last_error, pending_operations, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " provider_pool_id = VALUES(provider_pool_id), state = VALUES(state),"
                        + " last_synced_at = VALUES(last_synced_at), last_error = VALUES(last_error),"
                        + " pending_operations = VALUES(pending_operations), updated_at = VALUES(updated_at)",
                p.poolId().value(), p.provider().wireName(), p.accountId().value(), p.providerPoolId().orElse(null),
                p.state().wireName(), p.lastSyncedAt().orElse(null), error, p.pendingOperations(), Instant.now()));
    }

    @Override
    public void delete(SyncPart p) {
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM sync_parts WHERE pool_id = ? AND provider = ?",
                p.poolId().value(), p.provider().wireName()));
    }
}
