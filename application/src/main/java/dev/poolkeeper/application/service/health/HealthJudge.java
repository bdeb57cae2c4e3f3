package dev.poolkeeper.application.service.health;

import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.HealthPolicy;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Instant;
import java.util.Map;

/**
 * One more outcome in a pooled number's health window — a final delivery receipt, or a settled delivery
 * probe: both are one delivered-or-not in the same window, judged by the same policy. Runs inside the
 * caller's unit of work (the number's health row is locked until it ends).
 */
public final class HealthJudge {
    private final NumberHealthRepository health;
    private final HealthChanges changes;
    private final HealthPolicy policy;

    public HealthJudge(NumberHealthRepository health, HealthChanges changes, HealthPolicy policy) {
        this.health = health;
        this.changes = changes;
        this.policy = policy;
    }

    /**
     * @param signal what the outcome came from ({@code receipt}, {@code probe}), named in the change event
     */
    public void judge(AccountId account, PhoneNumber number, boolean delivered, String signal, Instant now) {
        health.lock(account, number).ifPresent(state -> {
            HealthWindow window = state.window().add(delivered, policy);
            NumberHealth next = window.judge(state.health(), policy);
            health.save(account, number, next, window, now);
            if (next != state.health()) {
                changes.changed(account, state.poolId(), number, state.health(), next,
                        Map.of("delivered_share", Math.round(window.deliveredShare() * 100) / 100.0,
                                "receipts", window.receipts().length(), "signal", signal), now);
            }
        });
    }
}
