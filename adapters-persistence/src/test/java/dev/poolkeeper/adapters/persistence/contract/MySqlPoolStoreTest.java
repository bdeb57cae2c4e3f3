package dev.poolkeeper.adapters.persistence.contract;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.contract.PoolStoreContract;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pool port contract against the MySQL adapters on a real server. */
class MySqlPoolStoreTest extends PoolStoreContract {
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    @Override
    protected PoolRepository pools() {
        return DB.bean(PoolRepository.class);
    }

    @Override
    protected PoolMemberRepository members() {
        return DB.bean(PoolMemberRepository.class);
    }

    @Override
    protected PoolEventRepository events() {
        return DB.bean(PoolEventRepository.class);
    }

    @Override
    protected TransactionRunner tx() {
        return DB.bean(TransactionRunner.class);
    }

    @Override
    protected NumberHealthRepository health() {
        return DB.bean(NumberHealthRepository.class);
    }

    @Override
    protected AccountId newAccount() {
        AccountId id = AccountId.newId(NOW);
        DB.bean(AccountRepository.class).insert(new Account(id, "test", NOW));
        return id;
    }
}
