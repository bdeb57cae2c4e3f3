package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.OptOutStatusUseCase;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.OptOutListName;

public final class OptOutStatusService implements OptOutStatusUseCase {
    private final OptOutLists lists;
    private final OptOutRepository optOuts;

    public OptOutStatusService(OptOutLists lists, OptOutRepository optOuts) {
        this.lists = lists;
        this.optOuts = optOuts;
    }

    @Override
    public boolean isOptedOut(Caller caller, OptOutListName name, PhoneNumber number) {
        return optOuts.isOptedOut(caller.accountId(), lists.require(caller, name).key(), number);
    }
}
