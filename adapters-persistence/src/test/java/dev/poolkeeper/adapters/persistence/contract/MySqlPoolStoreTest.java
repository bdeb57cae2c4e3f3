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
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pool port contract against the MySQL adapters on a real server. */
class MySqlPoolStoreTest extends PoolStoreContract {
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = PersistenceContext.start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Override
    protected PoolRepository pools() {
        return context.getBean(PoolRepository.class);
    }

    @Override
    protected PoolMemberRepository members() {
        return context.getBean(PoolMemberRepository.class);
    }

    @Override
    protected PoolEventRepository events() {
        return context.getBean(PoolEventRepository.class);
    }

    @Override
    protected TransactionRunner tx() {
        return context.getBean(TransactionRunner.class);
    }

    @Override
    protected NumberHealthRepository health() {
        return context.getBean(NumberHealthRepository.class);
    }

    @Override
    protected AccountId newAccount() {
        AccountId id = AccountId.newId(NOW);
        context.getBean(AccountRepository.class).insert(new Account(id, "test", NOW));
        return id;
    }
}
