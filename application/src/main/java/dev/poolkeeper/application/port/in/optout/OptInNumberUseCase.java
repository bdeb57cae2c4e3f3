package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;

public interface OptInNumberUseCase {
    void optInNumber(Caller caller, OptOutListName name, PhoneNumber number);
}
