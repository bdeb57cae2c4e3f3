package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.account.ApiKeyId;

/** Revokes a key of the caller's account; it is refused from the next request on. */
public interface RevokeApiKeyUseCase {
    void revokeApiKey(Caller caller, ApiKeyId keyId);
}
