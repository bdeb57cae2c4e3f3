package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.OptInNumberUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

public final class OptInNumberService implements OptInNumberUseCase {
    private final OptOutListRepository lists;
    private final OptOutRepository optOuts;

    public OptInNumberService(OptOutListRepository lists, OptOutRepository optOuts) {
        this.lists = lists;
        this.optOuts = optOuts;
    }

    @Override
    public void optInNumber(Caller caller, OptOutListName name, PhoneNumber number) {
        if (!optOuts.optIn(caller.accountId(), OptOutLists.require(lists, caller, name).key(), number)) {
            throw new DomainException(ErrorCode.OPT_OUT_NOT_FOUND, number + " is not opted out of " + name);
        }
    }
}
