package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.MemberFilter;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;

public record ListNumbersQuery(Caller caller, PoolId poolId, MemberFilter filter, PageRequest page) {
    public ListNumbersQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
    }

}
