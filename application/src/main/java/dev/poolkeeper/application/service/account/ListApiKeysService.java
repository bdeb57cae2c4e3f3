package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.ListApiKeysUseCase;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.domain.account.ApiKey;

public final class ListApiKeysService implements ListApiKeysUseCase {
    private final ApiKeyRepository keys;

    public ListApiKeysService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public Page<ApiKey> listApiKeys(Caller caller, PageRequest page) {
        return keys.listActive(caller.accountId(), page);
    }
}
