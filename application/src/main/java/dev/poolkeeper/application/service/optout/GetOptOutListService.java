package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.GetOptOutListUseCase;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;

public final class GetOptOutListService implements GetOptOutListUseCase {
    private final OptOutLists lists;

    public GetOptOutListService(OptOutLists lists) {
        this.lists = lists;
    }

    @Override
    public OptOutList getOptOutList(Caller caller, OptOutListName name) {
        return lists.require(caller, name).list();
    }
}
