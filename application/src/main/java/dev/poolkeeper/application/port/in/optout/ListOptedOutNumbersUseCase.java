package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.OptOutListName;

public interface ListOptedOutNumbersUseCase {
    Page<OptedOutNumber> listOptedOutNumbers(Caller caller, OptOutListName name, PageRequest page);
}
