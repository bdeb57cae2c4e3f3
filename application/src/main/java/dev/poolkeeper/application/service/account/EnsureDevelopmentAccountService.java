package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.port.in.account.DevelopmentAccess;
import dev.poolkeeper.application.port.in.account.EnsureDevelopmentAccountUseCase;
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
import java.util.Optional;

public final class EnsureDevelopmentAccountService implements EnsureDevelopmentAccountUseCase {
    /** Fixed, so restarts of the embedded default find the same account and its pools. */
    public static final AccountId DEVELOPMENT_ACCOUNT = new AccountId("acct_development");

    private final AccountRepository accounts;
    private final ApiKeyRepository keys;
    private final TransactionRunner tx;
    private final Clock clock;

    public EnsureDevelopmentAccountService(AccountRepository accounts, ApiKeyRepository keys, TransactionRunner tx,
                                           Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public DevelopmentAccess ensureDevelopmentAccount(Optional<String> configuredKey) {
        Instant now = Times.now(clock);
        ApiKeySecret secret = configuredKey.map(ApiKeySecret::of).orElseGet(ApiKeySecret::generate);
        tx.run(() -> {
            if (accounts.find(DEVELOPMENT_ACCOUNT).isEmpty()) {
                accounts.insert(new Account(DEVELOPMENT_ACCOUNT, "development", now));
            }
            if (keys.findActiveByHash(secret.hash()).isEmpty()) {
                keys.insert(ApiKey.issue(DEVELOPMENT_ACCOUNT, secret, now));
            }
        });
        return new DevelopmentAccess(DEVELOPMENT_ACCOUNT, secret);
    }
}
