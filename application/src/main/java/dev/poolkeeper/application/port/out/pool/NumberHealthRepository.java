package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Optional;

/** The health of an account's pooled numbers and the receipts it is judged on. */
public interface NumberHealthRepository {
    record State(PoolId poolId, NumberHealth health, HealthWindow window) {
    }

    /** The number's health, locked until the unit of work ends; empty when it is in no pool of the account. */
    Optional<State> lock(AccountId accountId, PhoneNumber number);

    void save(AccountId accountId, PhoneNumber number, NumberHealth health, HealthWindow window);
}
