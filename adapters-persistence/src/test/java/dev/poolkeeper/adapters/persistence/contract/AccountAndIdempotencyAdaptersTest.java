package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountAndIdempotencyAdaptersTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    private static AccountId newAccount() {
        AccountId id = AccountId.newId(NOW);
        DB.bean(AccountRepository.class).insert(new Account(id, "acme", NOW));
        return id;
    }

    @Test
    void keysAreFoundByHashListedPerAccountAndRevoked() {
        ApiKeyRepository keys = DB.bean(ApiKeyRepository.class);
        AccountId account = newAccount();
        List<ApiKey> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiKey key = ApiKey.issue(account, ApiKeySecret.generate(), NOW);
            keys.insert(key);
            issued.add(key);
        }
        keys.insert(ApiKey.issue(newAccount(), ApiKeySecret.generate(), NOW));
        assertEquals(Optional.of(issued.get(0)), keys.findActiveByHash(issued.get(0).hash()));
        Page<ApiKey> first = keys.listActive(account, PageRequest.first(3));
        Page<ApiKey> second = keys.listActive(account, PageRequest.after(3, first.next().getAsLong()));
        assertEquals(issued, concat(first.items(), second.items()));
        assertTrue(keys.revoke(account, issued.get(0).id(), NOW));
        assertFalse(keys.revoke(account, issued.get(0).id(), NOW), "a key is revoked once");
        assertFalse(keys.revoke(newAccount(), issued.get(1).id(), NOW), "another account cannot revoke it");
        assertEquals(Optional.empty(), keys.findActiveByHash(issued.get(0).hash()));
        keys.recordUse(issued.get(1).id(), NOW.plusSeconds(5));
        assertEquals(Optional.of(NOW.plusSeconds(5)), keys.findActiveByHash(issued.get(1).hash()).get().lastUsed());
    }

    @Test
    void anIdempotencyKeyIsReservedOnceAndKeepsItsResponse() {
        IdempotencyRepository records = DB.bean(IdempotencyRepository.class);
        IdempotentRequest request = new IdempotentRequest(newAccount(), "key-1", "a".repeat(64));
        assertTrue(records.reserve(request, NOW));
        assertFalse(records.reserve(request, NOW));
        assertTrue(records.find(request).orElseThrow().response().isEmpty());
        StoredResponse response = new StoredResponse(201, "{\"id\":\"pool_1\"}", Map.of("Location", "/v1/pools/p"));
        records.complete(request, response);
        assertEquals(Optional.of(response), records.find(request).orElseThrow().response());
        assertEquals(1, records.deleteCreatedBefore(NOW.plusSeconds(1)));
        assertEquals(Optional.empty(), records.find(request));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
