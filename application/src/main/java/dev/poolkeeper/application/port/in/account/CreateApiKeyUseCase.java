package dev.poolkeeper.application.port.in.account;

public interface CreateApiKeyUseCase {
    IssuedApiKey createApiKey(Caller caller);
}
