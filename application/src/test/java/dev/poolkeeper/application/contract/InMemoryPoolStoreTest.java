package dev.poolkeeper.application.contract;

import dev.poolkeeper.application.fakes.InMemoryPools;
import dev.poolkeeper.application.fakes.InMemoryTransactionRunner;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.AccountId;
import java.util.UUID;

class InMemoryPoolStoreTest extends PoolStoreContract {
    private final InMemoryPools store = new InMemoryPools();
    private final InMemoryTransactionRunner tx = new InMemoryTransactionRunner();

    @Override
    protected PoolRepository pools() {
        return store;
    }

    @Override
    protected PoolMemberRepository members() {
        return store;
    }

    @Override
    protected PoolEventRepository events() {
        return store;
    }

    @Override
    protected TransactionRunner tx() {
        return tx;
    }

    @Override
    protected NumberHealthRepository health() {
        return store;
    }

    @Override
    protected AccountId newAccount() {
        return new AccountId("acct_" + UUID.randomUUID().toString().substring(0, 12));
    }
}
