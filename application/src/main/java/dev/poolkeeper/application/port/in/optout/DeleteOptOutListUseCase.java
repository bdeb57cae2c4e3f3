package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;

public interface DeleteOptOutListUseCase {
    void deleteOptOutList(Caller caller, OptOutListName name);
}
