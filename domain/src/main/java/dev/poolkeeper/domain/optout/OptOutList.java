package dev.poolkeeper.domain.optout;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.pool.OptOutListName;
import java.time.Instant;
import java.util.Objects;

/** A named opt-out list of an account; pools that name it share its opt-outs. */
public record OptOutList(AccountId accountId, OptOutListName name, Instant createdAt) {
    public OptOutList {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The key its opted-out numbers are stored under. */
    public String key() {
        return "list:" + name.value();
    }
}
