package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.ApiKey;

/** The caller's account's keys that are not revoked, oldest first. */
public interface ListApiKeysUseCase {
    Page<ApiKey> listApiKeys(Caller caller, PageRequest page);
}
