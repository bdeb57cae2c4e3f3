package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.ListOptedOutNumbersUseCase;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.OptOutListName;

public final class ListOptedOutNumbersService implements ListOptedOutNumbersUseCase {
    private final OptOutLists lists;
    private final OptOutRepository optOuts;

    public ListOptedOutNumbersService(OptOutLists lists, OptOutRepository optOuts) {
        this.lists = lists;
        this.optOuts = optOuts;
    }

    @Override
    public Page<OptedOutNumber> listOptedOutNumbers(Caller caller, OptOutListName name, PageRequest page) {
        return optOuts.list(caller.accountId(), lists.require(caller, name).key(), page);
    }
}
