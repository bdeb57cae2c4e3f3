package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Optional;

/** A pool may name only an opt-out list its account has. */
final class OptOutListCheck {
    private OptOutListCheck() {
    }

    static void ensureExists(OptOutListRepository lists, NumberPool pool) {
        Optional<OptOutListName> name = pool.settings().optOutList();
        if (name.isPresent() && !lists.exists(pool.accountId(), name.get())) {
            throw new DomainException(ErrorCode.OPT_OUT_LIST_NOT_FOUND, "no opt-out list " + name.get());
        }
    }
}
