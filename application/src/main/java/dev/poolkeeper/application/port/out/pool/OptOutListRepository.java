package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;
import java.util.Optional;

/** The account's named opt-out lists. Names are unique per account ({@code opt_out_list.name_taken}). */
public interface OptOutListRepository {
    boolean exists(AccountId accountId, OptOutListName name);

    void insert(OptOutList list);

    Optional<OptOutList> find(AccountId accountId, OptOutListName name);

    Page<OptOutList> list(AccountId accountId, PageRequest page);

    /** Deletes the list and its numbers; false when there was no such list. */
    boolean delete(AccountId accountId, OptOutListName name);

    /** The account's pools that name the list. */
    List<PoolId> poolsUsing(AccountId accountId, OptOutListName name);
}
