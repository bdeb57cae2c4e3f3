package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.domain.number.PoolMember;

public interface ListNumbersUseCase {
    Page<PoolMember> listNumbers(ListNumbersQuery query);
}
