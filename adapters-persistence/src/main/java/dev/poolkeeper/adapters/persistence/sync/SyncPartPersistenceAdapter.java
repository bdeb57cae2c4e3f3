package dev.poolkeeper.adapters.persistence.sync;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.WireName;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
final class SyncPartPersistenceAdapter implements SyncPartRepository {
    private final Jdbc jdbc;

    SyncPartPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "pool_id, account_id, provider, provider_pool_id, state, last_synced_at,"
            + " last_error, pending_operations";

    @Override
    public List<SyncPart> parts(PoolId poolId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM sync_parts WHERE pool_id = ?"
                + " ORDER BY provider", SyncPartPersistenceAdapter::map, poolId.value()));
    }

    @Override
    public Optional<SyncPart> findByProviderPoolId(Provider provider, String providerPoolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM sync_parts WHERE provider = ?"
                + " AND provider_pool_id = ?", SyncPartPersistenceAdapter::map, provider.wireName(), providerPoolId));
    }

    private static SyncPart map(ResultSet rs) throws SQLException {
        return new SyncPart(new AccountId(rs.getString("account_id")), new PoolId(rs.getString("pool_id")),
                Jdbc.wireName(Provider.class, rs.getString("provider")),
                Optional.ofNullable(rs.getString("provider_pool_id")),
                WireName.parse(SyncState.class, rs.getString("state")).orElse(SyncState.PENDING),
                Optional.ofNullable(rs.getObject("last_synced_at") == null ? null : Jdbc.instant(rs, "last_synced_at")),
                Optional.ofNullable(rs.getString("last_error")), rs.getInt("pending_operations"));
    }

    /**
     * An UPDATE, then an INSERT when there was no row: not {@code ON DUPLICATE KEY UPDATE}, which on a clash
     * of the provider pool's unique key would overwrite the part that already mirrors that pool.
     */
    @Override
    public void save(SyncPart p) {
        jdbc.write(c -> {
            int updated = Jdbc.update(c, "UPDATE sync_parts SET provider_pool_id = ?, state = ?, last_synced_at = ?,"
                            + " last_error = ?, pending_operations = ?, updated_at = ? WHERE pool_id = ? AND provider = ?",
                    p.providerPoolId().orElse(null), p.state().wireName(), p.lastSyncedAt().orElse(null), error(p),
                    p.pendingOperations(), Instant.now(), p.poolId().value(), p.provider().wireName());
            if (updated == 0) {
                insert(c, p);
            }
            return null;
        });
    }

    @Override
    public boolean insert(SyncPart p) {
        return jdbc.write(c -> Jdbc.insertUnlessDuplicate(c, w -> {
            insert(w, p);
            return null;
        }));
    }

    private static void insert(Connection c, SyncPart p) throws SQLException {
        Jdbc.update(c, "INSERT INTO sync_parts (pool_id, provider, account_id, provider_pool_id, state,"
                        + " last_synced_at, last_error, pending_operations, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.poolId().value(), p.provider().wireName(), p.accountId().value(), p.providerPoolId().orElse(null),
                p.state().wireName(), p.lastSyncedAt().orElse(null), error(p), p.pendingOperations(), Instant.now());
    }

    private static String error(SyncPart p) {
        return p.lastError().map(e -> e.length() > 1000 ? e.substring(0, 1000) : e).orElse(null);
    }

    @Override
    public void delete(SyncPart p) {
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM sync_parts WHERE pool_id = ? AND provider = ?",
                p.poolId().value(), p.provider().wireName()));
    }

    @Override
    public List<SyncPart> notInSync(AccountId accountId, int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM sync_parts WHERE account_id = ?"
                + " AND state <> 'in_sync' ORDER BY pool_id, provider LIMIT ?", SyncPartPersistenceAdapter::map,
                accountId.value(), limit));
    }
}
