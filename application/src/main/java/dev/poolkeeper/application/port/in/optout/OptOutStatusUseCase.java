package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.OptOutListName;

/** Whether a number is on one of the caller's opt-out lists (a named one, or a pool's own by the pool's id). */
public interface OptOutStatusUseCase {
    boolean isOptedOut(Caller caller, OptOutListName name, PhoneNumber number);
}
