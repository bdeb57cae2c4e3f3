package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

/** The one look-up the opt-out services share: the caller's list, or {@code opt_out_list.not_found}. */
final class OptOutLists {
    private OptOutLists() {
    }

    static OptOutList require(OptOutListRepository lists, Caller caller, OptOutListName name) {
        return lists.find(caller.accountId(), name).orElseThrow(() ->
                new DomainException(ErrorCode.OPT_OUT_LIST_NOT_FOUND, "no opt-out list " + name));
    }
}
