package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The change history; before and after states are stored as JSON text. */
@Singleton
final class PoolEventPersistenceAdapter implements PoolEventRepository {
    private static final Argument<Map<String, Object>> STATE = Argument.mapOf(String.class, Object.class);

    private final Jdbc jdbc;
    private final JsonColumns json;

    PoolEventPersistenceAdapter(Jdbc jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(PoolEvent event) {
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO pool_events (id, account_id, pool_id, type, actor, occurred_at,"
                        + " before_state, after_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.id(), event.accountId().value(), event.poolId().value(), event.type().wireName(), event.actor(),
                event.occurredAt(), json.write(event.before()), json.write(event.after())));
    }

    @Override
    public Page<PoolEvent> list(AccountId accountId, PoolId poolId, PoolEventQuery query, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT seq, id, account_id, pool_id, type, actor, occurred_at,"
                + " before_state, after_state FROM pool_events WHERE pool_id = ?");
        List<Object> params = new ArrayList<>(List.of(poolId.value()));
        if (accountId != null) {
            sql.append(" AND account_id = ?");
            params.add(accountId.value());
        }
        if (!query.types().isEmpty()) {
            sql.append(" AND type IN (").append(Jdbc.placeholders(query.types().size())).append(')');
            query.types().forEach(t -> params.add(t.wireName()));
        }
        query.from().ifPresent(from -> {
            sql.append(" AND occurred_at >= ?");
            params.add(from);
        });
        query.to().ifPresent(to -> {
            sql.append(" AND occurred_at < ?");
            params.add(to);
        });
        if (query.newestFirst()) {
            sql.append(" AND seq < ? ORDER BY seq DESC LIMIT ?");
            params.add(page.after().orElse(Long.MAX_VALUE));
        } else {
            sql.append(" AND seq > ? ORDER BY seq LIMIT ?");
            params.add(page.after().orElse(0));
        }
        params.add(page.size() + 1);
        List<Positioned<PoolEvent>> rows = jdbc.read(c -> Jdbc.query(c, sql.toString(),
                rs -> new Positioned<>(rs.getLong("seq"), new PoolEvent(rs.getString("id"),
                        new AccountId(rs.getString("account_id")), new PoolId(rs.getString("pool_id")),
                        PoolEventType.fromWireName(rs.getString("type")), rs.getString("actor"),
                        Jdbc.instant(rs, "occurred_at"), json.read(rs.getString("before_state"), STATE),
                        json.read(rs.getString("after_state"), STATE))),
                params.toArray()));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public boolean hasEvents(AccountId accountId, PoolId poolId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM pool_events WHERE pool_id = ?"
                + " AND account_id = ? LIMIT 1) e", poolId.value(), accountId.value())) > 0;
    }
}
