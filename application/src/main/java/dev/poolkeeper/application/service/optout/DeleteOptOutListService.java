package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.DeleteOptOutListUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.List;

/** Deletes a list and its opt-outs; refused while a pool names it (as AWS refuses a list in use). */
public final class DeleteOptOutListService implements DeleteOptOutListUseCase {
    private final OptOutListRepository lists;
    private final OptOutLists found;
    private final TransactionRunner tx;

    public DeleteOptOutListService(OptOutListRepository lists, OptOutLists found, TransactionRunner tx) {
        this.lists = lists;
        this.found = found;
        this.tx = tx;
    }

    @Override
    public void deleteOptOutList(Caller caller, OptOutListName name) {
        tx.run(() -> {
            if (found.require(caller, name).ownedBy().isPresent()) {
                throw new DomainException(ErrorCode.OPT_OUT_LIST_IN_USE, "opt-out list " + name
                        + " is the pool's own: it goes with the pool");
            }
            List<PoolId> users = lists.poolsUsing(caller.accountId(), name);
            if (!users.isEmpty()) {
                throw new DomainException(ErrorCode.OPT_OUT_LIST_IN_USE, "opt-out list " + name + " is used by "
                        + String.join(", ", users.stream().map(PoolId::value).toList())
                        + "; point those pools elsewhere first");
            }
            lists.delete(caller.accountId(), name);
        });
    }
}
