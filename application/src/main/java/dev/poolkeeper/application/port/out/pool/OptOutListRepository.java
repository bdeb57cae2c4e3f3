package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.OptOutListName;

/** The account's opt-out lists, as far as pools need them: whether a named one exists. */
public interface OptOutListRepository {
    boolean exists(AccountId accountId, OptOutListName name);
}
