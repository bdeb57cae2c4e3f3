package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;
import java.util.Optional;

public record ListNumbersQuery(Caller caller, PoolId poolId, Filter filter, PageRequest page) {
    public ListNumbersQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
    }

    /** Every present criterion must match. */
    public record Filter(Optional<String> country, Optional<Provider> provider, Optional<NumberType> type,
                         Optional<NumberHealth> health) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
