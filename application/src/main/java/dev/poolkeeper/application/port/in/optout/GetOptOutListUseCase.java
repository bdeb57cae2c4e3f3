package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;

public interface GetOptOutListUseCase {
    OptOutList getOptOutList(Caller caller, OptOutListName name);
}
