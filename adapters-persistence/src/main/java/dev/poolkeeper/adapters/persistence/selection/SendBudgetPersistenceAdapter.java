package dev.poolkeeper.adapters.persistence.selection;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.TokenBuckets;
import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import dev.poolkeeper.domain.number.PhoneNumber;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Each number's send budget: one shared token bucket a number ({@link TokenBuckets}). */
@Singleton
final class SendBudgetPersistenceAdapter implements SharedSendBudget {
    private final TokenBuckets buckets;

    SendBudgetPersistenceAdapter(Jdbc jdbc) {
        this.buckets = new TokenBuckets(jdbc, "send_budgets", "e164");
    }

    @Override
    public boolean tryTake(PhoneNumber number, double perSecond, double capacity, Instant now) {
        return buckets.tryTake(number.e164(), perSecond, capacity, now);
    }

    @Override
    public void giveBack(PhoneNumber number, double capacity) {
        buckets.giveBack(number.e164(), capacity);
    }
}
