package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryAccounts implements AccountRepository, ApiKeyRepository {
    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final List<ApiKey> keys = new ArrayList<>();

    @Override
    public synchronized void insert(Account account) {
        if (accounts.putIfAbsent(account.id(), account) != null) {
            throw new IllegalStateException("duplicate account " + account.id());
        }
    }

    @Override
    public synchronized Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized long count() {
        return accounts.size();
    }

    @Override
    public synchronized void insert(ApiKey key) {
        keys.add(key);
    }

    @Override
    public synchronized Optional<ApiKey> findActiveByHash(String hash) {
        return keys.stream().filter(k -> k.hash().equals(hash) && !k.isRevoked()).findFirst();
    }

    @Override
    public synchronized Page<ApiKey> listActive(AccountId accountId, PageRequest page) {
        List<ApiKey> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ApiKey k = keys.get(i);
            if (k.accountId().equals(accountId) && !k.isRevoked() && i + 1 > page.after().orElse(0)) {
                rows.add(k);
            }
        }
        return Page.of(rows.stream().limit(page.size() + 1L).toList(), page.size(), k -> (long) keys.indexOf(k) + 1);
    }

    @Override
    public synchronized boolean revoke(AccountId accountId, ApiKeyId keyId, Instant at) {
        for (int i = 0; i < keys.size(); i++) {
            ApiKey k = keys.get(i);
            if (k.id().equals(keyId) && k.accountId().equals(accountId) && !k.isRevoked()) {
                keys.set(i, new ApiKey(k.id(), k.accountId(), k.prefix(), k.hash(), k.createdAt(), k.lastUsedAt(), at));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void recordUse(ApiKeyId keyId, Instant at) {
        keys.replaceAll(k -> k.id().equals(keyId)
                ? new ApiKey(k.id(), k.accountId(), k.prefix(), k.hash(), k.createdAt(), at, k.revokedAt()) : k);
    }
}
