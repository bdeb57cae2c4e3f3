package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                rs -> new State(new PoolId(rs.getString(1)), Jdbc.wireName(NumberHealth.class, rs.getString(2)),
                        new HealthWindow(rs.getString(3))),
                accountId.value(), number.e164()));
    }

    @Override
    public Map<PhoneNumber, Standing> standings(PoolId poolId, Collection<PhoneNumber> numbers) {
        Map<PhoneNumber, Standing> standings = new HashMap<>();
        jdbc.readIn("SELECT e164, receipt_window, health_since FROM pool_numbers WHERE pool_id = ? AND e164 IN",
                rs -> standings.put(PhoneNumber.parse(rs.getString(1)), new Standing(new HealthWindow(rs.getString(2)),
                        Optional.ofNullable(Jdbc.instant(rs, "health_since")))), List.of(poolId.value()),
                numbers.stream().map(PhoneNumber::e164).toList());
        return standings;
    }

    @Override
    public void save(AccountId accountId, PhoneNumber number, NumberHealth health, HealthWindow window, Instant now) {
        // health_since is assigned first, while health still holds the stored value
        jdbc.write(c -> Jdbc.update(c, "UPDATE pool_numbers"
                        + " SET health_since = CASE WHEN health = ? THEN health_since ELSE ? END,"
                        + " health = ?, receipt_window = ? WHERE account_id = ? AND e164 = ?",
                health.wireName(), now, health.wireName(), window.receipts(), accountId.value(), number.e164()));
    }

    @Override
    public List<Rested> lockRested(Instant cutoff, int limit) {
        return jdbc.write(c -> Jdbc.query(c, "SELECT account_id, pool_id, e164 FROM pool_numbers"
                        + " WHERE health = ? AND health_since <= ? ORDER BY health_since LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Rested(new AccountId(rs.getString(1)), new PoolId(rs.getString(2)),
                        PhoneNumber.parse(rs.getString(3))),
                NumberHealth.UNHEALTHY.wireName(), cutoff, limit));
    }
}
