package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
final class OptOutListPersistenceAdapter implements OptOutListRepository {
    private final Jdbc jdbc;

    OptOutListPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(AccountId accountId, OptOutListName name) {
        return find(accountId, name).isPresent();
    }

    @Override
    public void insert(OptOutList list) {
        jdbc.write(c -> {
            try {
                return Jdbc.update(c, "INSERT INTO opt_out_lists (account_id, name, created_at) VALUES (?, ?, ?)",
                        list.accountId().value(), list.name().value(), list.createdAt());
            } catch (SQLException e) {
                if (Jdbc.isDuplicateKey(e)) {
                    throw new DomainException(ErrorCode.OPT_OUT_LIST_NAME_TAKEN,
                            "an opt-out list named '" + list.name() + "' already exists in this account");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<OptOutList> find(AccountId accountId, OptOutListName name) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT account_id, name, created_at FROM opt_out_lists"
                + " WHERE account_id = ? AND name = ?", OptOutListPersistenceAdapter::list, accountId.value(),
                name.value()));
    }

    @Override
    public Page<OptOutList> list(AccountId accountId, PageRequest page) {
        List<Positioned<OptOutList>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT seq, account_id, name, created_at"
                        + " FROM opt_out_lists WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), list(rs)), accountId.value(), page.after().orElse(0),
                page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public boolean delete(AccountId accountId, OptOutListName name) {
        return jdbc.write(c -> {
            Jdbc.update(c, "DELETE FROM opt_out_numbers WHERE account_id = ? AND list_key = ?", accountId.value(),
                    "list:" + name.value());
            return Jdbc.update(c, "DELETE FROM opt_out_lists WHERE account_id = ? AND name = ?", accountId.value(),
                    name.value()) > 0;
        });
    }

    @Override
    public java.util.List<PoolId> poolsUsing(AccountId accountId, OptOutListName name) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id FROM pools WHERE account_id = ? AND opt_out_list_name = ?",
                rs -> new PoolId(rs.getString(1)), accountId.value(), name.value()));
    }

    private static OptOutList list(ResultSet rs) throws SQLException {
        return new OptOutList(new AccountId(rs.getString("account_id")), new OptOutListName(rs.getString("name")),
                Jdbc.instant(rs, "created_at"));
    }
}
