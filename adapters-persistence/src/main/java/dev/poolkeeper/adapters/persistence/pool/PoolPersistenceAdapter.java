package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.domain.pool.PoolFilter;

import static dev.poolkeeper.adapters.persistence.pool.PoolPersistenceMapper.POOL_COLUMNS;
import static dev.poolkeeper.adapters.persistence.pool.PoolPersistenceMapper.SETTINGS_ASSIGNMENTS;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
final class PoolPersistenceAdapter implements PoolRepository {
    private final Jdbc jdbc;

    PoolPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(NumberPool pool) {
        jdbc.write(c -> {
            String sql = "INSERT INTO pools (id, account_id, message_type, number_count, providers, created_at, "
                    + "name, status, fallback, custom_from, localized_sender_preferred, geomatch, sticky_sender,"
                    + " sticky_ttl_days, long_code_weight, toll_free_weight, skip_unhealthy, two_way_enabled,"
                    + " self_managed_opt_outs_enabled, opt_out_list_name, shared_routes_enabled,"
                    + " deletion_protection_enabled, version, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            List<Object> params = new ArrayList<>(List.of(pool.id().value(), pool.accountId().value(),
                    pool.messageType().wireName(), pool.numberCount(),
                    PoolPersistenceMapper.providers(pool.providers()), pool.createdAt()));
            params.addAll(java.util.Arrays.asList(PoolPersistenceMapper.settingsValues(pool)));
            return executeNaming(c, pool, sql, params.toArray());
        });
    }

    @Override
    public Optional<NumberPool> find(AccountId accountId, PoolId poolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + POOL_COLUMNS + " FROM pools WHERE id = ? AND account_id = ?",
                PoolPersistenceMapper::pool, poolId.value(), accountId.value()));
    }

    @Override
    public Optional<Stamp> stamp(AccountId accountId, PoolId poolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT version, updated_at, number_count FROM pools WHERE id = ?"
                        + " AND account_id = ?", rs -> new Stamp(rs.getLong("version"), Jdbc.instant(rs, "updated_at"),
                        rs.getLong("number_count")), poolId.value(), accountId.value()));
    }

    @Override
    public Optional<NumberPool> lock(AccountId accountId, PoolId poolId) {
        return jdbc.write(c -> Jdbc.queryOne(c, "SELECT " + POOL_COLUMNS
                        + " FROM pools WHERE id = ? AND account_id = ? FOR UPDATE",
                PoolPersistenceMapper::pool, poolId.value(), accountId.value()));
    }

    @Override
    public void update(NumberPool pool, long expectedVersion) {
        jdbc.write(c -> {
            List<Object> params = new ArrayList<>(java.util.Arrays.asList(PoolPersistenceMapper.settingsValues(pool)));
            params.add(pool.id().value());
            params.add(expectedVersion);
            int updated = executeNaming(c, pool, "UPDATE pools SET " + SETTINGS_ASSIGNMENTS
                    + " WHERE id = ? AND version = ?", params.toArray());
            if (updated == 0) {
                throw new DomainException(ErrorCode.POOL_VERSION_CONFLICT,
                        "the pool changed since version " + expectedVersion + "; read it again and retry");
            }
            return null;
        });
    }

    /** Runs an insert or update of a pool row, turning the unique-name violation into {@code pool.name_taken}. */
    private static int executeNaming(Connection c, NumberPool pool, String sql, Object[] params) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e) && e.getMessage().contains("uq_pools_account_name")) {
                throw new DomainException(ErrorCode.POOL_NAME_TAKEN,
                        "a pool named '" + pool.name() + "' already exists in this account");
            }
            throw e;
        }
    }

    /** updated_at only moves forward, by at least 1 µs, even when two changes read the same clock. */
    private static final String FORWARD = "GREATEST(?, updated_at + INTERVAL 1 MICROSECOND)";

    @Override
    public void updateMembershipSummary(NumberPool pool) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE pools SET number_count = ?, providers = ?, updated_at = " + FORWARD
                        + " WHERE id = ?",
                pool.numberCount(), PoolPersistenceMapper.providers(pool.providers()), pool.updatedAt(),
                pool.id().value()));
    }

    @Override
    public void touch(AccountId accountId, PoolId poolId, Instant at) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE pools SET updated_at = " + FORWARD + " WHERE id = ? AND account_id = ?", at,
                poolId.value(), accountId.value()));
    }

    @Override
    public void delete(NumberPool pool) {
        jdbc.write(c -> {
            int deleted = Jdbc.update(c, "DELETE FROM pools WHERE id = ? AND account_id = ?", pool.id().value(),
                    pool.accountId().value());
            if (deleted > 0) {
                Jdbc.update(c, "DELETE FROM pool_delivery_days WHERE pool_id = ?", pool.id().value());
            }
            return deleted;
        });
    }

    @Override
    public Page<NumberPool> list(AccountId accountId, PoolFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + POOL_COLUMNS + " FROM pools WHERE account_id = ? AND seq > ?");
        List<Object> params = new ArrayList<>(List.of(accountId.value(), page.after().orElse(0)));
        filter.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            params.add(s.wireName());
        });
        filter.messageType().ifPresent(t -> {
            sql.append(" AND message_type = ?");
            params.add(t.wireName());
        });
        filter.provider().ifPresent(p -> {
            sql.append(" AND FIND_IN_SET(?, providers) > 0");
            params.add(p.wireName());
        });
        filter.name().ifPresent(n -> {
            sql.append(" AND name = ?");
            params.add(n.value());
        });
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(page.size() + 1);
        List<Positioned<NumberPool>> rows = jdbc.read(c -> Jdbc.query(c, sql.toString(),
                rs -> new Positioned<>(rs.getLong("seq"), PoolPersistenceMapper.pool(rs)), params.toArray()));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public long count() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM pools"));
    }

    @Override
    public long countNumbers() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COALESCE(SUM(number_count), 0) FROM pools"));
    }
}
