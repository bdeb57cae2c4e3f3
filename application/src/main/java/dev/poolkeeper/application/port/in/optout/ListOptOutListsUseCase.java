package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.optout.OptOutList;

public interface ListOptOutListsUseCase {
    Page<OptOutList> listOptOutLists(Caller caller, PageRequest page);
}
