package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The health of an account's pooled numbers, the receipts it is judged on, and since when it holds. */
public interface NumberHealthRepository {
    record State(PoolId poolId, NumberHealth health, HealthWindow window) {
    }

    /** What a number's health rests on: its recent receipts, and since when the health holds (empty: always). */
    record Standing(HealthWindow window, Optional<Instant> since) {
    }

    /** An unhealthy number that has rested: where it is pooled. */
    record Rested(AccountId accountId, PoolId poolId, PhoneNumber number) {
    }

    /** The number's health, locked until the unit of work ends; empty when it is in no pool of the account. */
    Optional<State> lock(AccountId accountId, PhoneNumber number);

    /** The standing of these numbers of the pool (a number not in it is left out). */
    Map<PhoneNumber, Standing> standings(PoolId poolId, Collection<PhoneNumber> numbers);

    /** Stores health and window; when the health differs from the stored one, it holds since {@code now}. */
    void save(AccountId accountId, PhoneNumber number, NumberHealth health, HealthWindow window, Instant now);

    /**
     * Up to {@code limit} numbers, of every account, unhealthy since {@code cutoff} or before, oldest first,
     * locked until the unit of work ends; numbers another unit of work holds are skipped, not waited for.
     */
    List<Rested> lockRested(Instant cutoff, int limit);
}
