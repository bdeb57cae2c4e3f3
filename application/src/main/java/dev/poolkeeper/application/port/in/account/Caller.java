package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKeyId;
import java.util.Objects;

/** Who is calling: the account a request acts for and the key it presented (recorded in events). */
public record Caller(AccountId accountId, ApiKeyId keyId) {
    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(keyId, "keyId");
    }
}
