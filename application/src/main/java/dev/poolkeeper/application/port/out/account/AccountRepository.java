package dev.poolkeeper.application.port.out.account;

import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import java.util.Optional;

public interface AccountRepository {
    void insert(Account account);

    Optional<Account> find(AccountId id);

    long count();
}
