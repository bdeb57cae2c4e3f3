package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.CreateOptOutListUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

public final class CreateOptOutListService implements CreateOptOutListUseCase {
    private final OptOutListRepository lists;
    private final Clock clock;

    public CreateOptOutListService(OptOutListRepository lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Override
    public OptOutList createOptOutList(Caller caller, OptOutListName name) {
        OptOutLists.ensureNameIsFree(name);
        OptOutList list = new OptOutList(caller.accountId(), name, Times.now(clock));
        lists.insert(list);
        return list;
    }
}
