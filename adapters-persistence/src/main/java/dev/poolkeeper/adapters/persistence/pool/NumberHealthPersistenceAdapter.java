package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.WireName;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
final class NumberHealthPersistenceAdapter implements NumberHealthRepository {
    private final Jdbc jdbc;

    NumberHealthPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<State> lock(AccountId accountId, PhoneNumber number) {
        return jdbc.write(c -> Jdbc.queryOne(c, "SELECT pool_id, health, receipt_window FROM pool_numbers"
                        + " WHERE account_id = ? AND e164 = ? FOR UPDATE",
                rs -> new State(new PoolId(rs.getString(1)),
                        WireName.parse(NumberHealth.class, rs.getString(2)).orElse(NumberHealth.UNKNOWN),
                        new HealthWindow(rs.getString(3))),
                accountId.value(), number.e164()));
    }

    @Override
    public void save(AccountId accountId, PhoneNumber number, NumberHealth health, HealthWindow window) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE pool_numbers SET health = ?, receipt_window = ?"
                + " WHERE account_id = ? AND e164 = ?", health.wireName(), window.receipts(), accountId.value(),
                number.e164()));
    }
}
