package dev.poolkeeper.adapters.persistence.cluster;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.TokenBuckets;
import dev.poolkeeper.application.port.out.cluster.SharedCallBudget;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Calls to a provider per key, one shared token bucket a key ({@link TokenBuckets}). */
@Singleton
final class CallBudgetPersistenceAdapter implements SharedCallBudget {
    private final TokenBuckets buckets;

    CallBudgetPersistenceAdapter(Jdbc jdbc) {
        this.buckets = new TokenBuckets(jdbc, "call_budgets", "budget_key");
    }

    @Override
    public boolean tryTake(String key, double perSecond, double capacity, Instant now) {
        return buckets.tryTake(key, perSecond, capacity, now);
    }
}
