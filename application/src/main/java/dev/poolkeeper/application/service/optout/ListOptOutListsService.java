package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.ListOptOutListsUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.domain.optout.OptOutList;

public final class ListOptOutListsService implements ListOptOutListsUseCase {
    private final OptOutListRepository lists;

    public ListOptOutListsService(OptOutListRepository lists) {
        this.lists = lists;
    }

    @Override
    public Page<OptOutList> listOptOutLists(Caller caller, PageRequest page) {
        return lists.list(caller.accountId(), page);
    }
}
