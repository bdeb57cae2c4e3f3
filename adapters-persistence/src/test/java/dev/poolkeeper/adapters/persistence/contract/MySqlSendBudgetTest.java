package dev.poolkeeper.adapters.persistence.contract;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.contract.SharedSendBudgetContract;
import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared send budget contract on the real database, with real concurrent connections. */
class MySqlSendBudgetTest extends SharedSendBudgetContract {
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = PersistenceContext.start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Override
    protected SharedSendBudget budget() {
        return context.getBean(SharedSendBudget.class);
    }
}
