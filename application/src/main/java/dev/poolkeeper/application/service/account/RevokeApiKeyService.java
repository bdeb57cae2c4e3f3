package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.RevokeApiKeyUseCase;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;

public final class RevokeApiKeyService implements RevokeApiKeyUseCase {
    private final ApiKeyRepository keys;
    private final ActiveKeyCache activeKeys;
    private final Clock clock;

    public RevokeApiKeyService(ApiKeyRepository keys, ActiveKeyCache activeKeys, Clock clock) {
        this.keys = keys;
        this.activeKeys = activeKeys;
        this.clock = clock;
    }

    @Override
    public void revokeApiKey(Caller caller, ApiKeyId keyId) {
        if (!keys.revoke(caller.accountId(), keyId, Times.now(clock))) {
            throw new DomainException(ErrorCode.API_KEY_NOT_FOUND, "no API key " + keyId);
        }
        activeKeys.forget(keyId);
    }
}
