package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.OptOutListName;
import jakarta.inject.Singleton;

@Singleton
final class OptOutListPersistenceAdapter implements OptOutListRepository {
    private final Jdbc jdbc;

    OptOutListPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(AccountId accountId, OptOutListName name) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM opt_out_lists WHERE account_id = ? AND name = ?",
                accountId.value(), name.value())) > 0;
    }
}
