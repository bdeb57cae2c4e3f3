package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolStatus;
import java.util.Objects;
import java.util.Optional;

public record ListPoolsQuery(Caller caller, Filter filter, PageRequest page) {
    public ListPoolsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
    }

    /** Every present criterion must match. */
    public record Filter(Optional<PoolStatus> status, Optional<MessageType> messageType, Optional<Provider> provider,
                         Optional<PoolName> name) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
