package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.CreateApiKeyUseCase;
import dev.poolkeeper.application.port.in.account.IssuedApiKey;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

public final class CreateApiKeyService implements CreateApiKeyUseCase {
    private final ApiKeyRepository keys;
    private final Clock clock;

    public CreateApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey createApiKey(Caller caller) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = ApiKey.issue(caller.accountId(), secret, Times.now(clock));
        keys.insert(key);
        return new IssuedApiKey(key, secret);
    }
}
