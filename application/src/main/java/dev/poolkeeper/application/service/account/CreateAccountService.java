package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.port.in.account.AccountCreated;
import dev.poolkeeper.application.port.in.account.CreateAccountCommand;
import dev.poolkeeper.application.port.in.account.CreateAccountUseCase;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;

public final class CreateAccountService implements CreateAccountUseCase {
    private final AccountRepository accounts;
    private final ApiKeyRepository keys;
    private final TransactionRunner tx;
    private final Clock clock;

    public CreateAccountService(AccountRepository accounts, ApiKeyRepository keys, TransactionRunner tx, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public AccountCreated createAccount(CreateAccountCommand command) {
        Instant now = Times.now(clock);
        Account account = new Account(AccountId.newId(now), command.name(), now);
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = ApiKey.issue(account.id(), secret, now);
        tx.run(() -> {
            accounts.insert(account);
            keys.insert(key);
        });
        return new AccountCreated(account, key, secret);
    }
}
