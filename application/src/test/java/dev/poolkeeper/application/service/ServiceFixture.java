package dev.poolkeeper.application.service;

import dev.poolkeeper.application.fakes.InMemoryAccounts;
import dev.poolkeeper.application.fakes.InMemoryIdempotency;
import dev.poolkeeper.application.fakes.InMemoryPools;
import dev.poolkeeper.application.fakes.InMemoryTransactionRunner;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.CreatePoolCommand;
import dev.poolkeeper.application.service.number.AddNumbersService;
import dev.poolkeeper.application.service.number.RemoveNumbersService;
import dev.poolkeeper.application.service.pool.CreatePoolService;
import dev.poolkeeper.application.service.pool.DeletePoolService;
import dev.poolkeeper.application.service.pool.UpdatePoolService;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The services wired to in-memory fakes, as the bootstrap factory wires them to adapters. */
public final class ServiceFixture {
    public final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    public final InMemoryPools store = new InMemoryPools();
    public final InMemoryAccounts accounts = new InMemoryAccounts();
    public final InMemoryIdempotency idempotency = new InMemoryIdempotency();
    public final InMemoryTransactionRunner tx = new InMemoryTransactionRunner();
    public final Caller alice = new Caller(new AccountId("acct_alice"), new ApiKeyId("key_alice"));
    public final Caller bob = new Caller(new AccountId("acct_bob"), new ApiKeyId("key_bob"));

    public final CreatePoolService createPool = new CreatePoolService(store, store, store, tx, clock);
    public final UpdatePoolService updatePool = new UpdatePoolService(store, store, store, store, tx, clock);
    public final DeletePoolService deletePool = new DeletePoolService(store, store, store, tx, clock);
    public final AddNumbersService addNumbers = new AddNumbersService(store, store, store, tx, clock);
    public final RemoveNumbersService removeNumbers = new RemoveNumbersService(store, store, store, tx, clock);

    public NumberPool pool(Caller caller, String name) {
        return createPool.createPool(new CreatePoolCommand(caller, PoolPatch.named(new PoolName(name))));
    }

    /** Alice's pool {@code pool} keeps each recipient's sender (sticky sender on). */
    public void stickySender(NumberPool pool) {
        updatePool.updatePool(new dev.poolkeeper.application.port.in.pool.UpdatePoolCommand(alice, pool.id(),
                new PoolPatch(null, null, null, null, null, null, dev.poolkeeper.domain.pool.Update.to(true), null,
                        null, null, null, null, null, null, null, null), java.util.OptionalLong.empty()));
    }
}
