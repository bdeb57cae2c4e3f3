package dev.poolkeeper.application.contract;

import dev.poolkeeper.application.fakes.InMemorySendBudget;
import dev.poolkeeper.application.port.out.selection.SharedSendBudget;

class InMemorySendBudgetTest extends SharedSendBudgetContract {
    private final InMemorySendBudget budget = new InMemorySendBudget();

    @Override
    protected SharedSendBudget budget() {
        return budget;
    }
}
