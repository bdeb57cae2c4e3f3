package dev.poolkeeper.adapters.persistence.contract;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.contract.SharedSendBudgetContract;
import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared send budget contract on the real database, with real concurrent connections. */
class MySqlSendBudgetTest extends SharedSendBudgetContract {
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    @Override
    protected SharedSendBudget budget() {
        return DB.bean(SharedSendBudget.class);
    }
}
