package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.pool.PoolFilter;
import java.util.Objects;

public record ListPoolsQuery(Caller caller, PoolFilter filter, PageRequest page) {
    public ListPoolsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
    }

}
