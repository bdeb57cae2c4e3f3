package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.OptOutNumberUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

/** Opts a number out of a list; doing it again keeps the first time. */
public final class OptOutNumberService implements OptOutNumberUseCase {
    private final OptOutListRepository lists;
    private final OptOutRepository optOuts;
    private final Clock clock;

    public OptOutNumberService(OptOutListRepository lists, OptOutRepository optOuts, Clock clock) {
        this.lists = lists;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    @Override
    public OptedOutNumber optOutNumber(Caller caller, OptOutListName name, PhoneNumber number) {
        OptOutList list = OptOutLists.require(lists, caller, name);
        return optOuts.optOut(caller.accountId(), list.key(), number, Times.now(clock));
    }
}
