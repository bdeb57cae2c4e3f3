package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.pool.CreatePoolCommand;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.number.AddNumbersService;
import dev.poolkeeper.application.service.pool.CreatePoolService;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Races on the real database: the unique key, the pool row lock and the unit of work together. */
class ConcurrentMembershipTest {
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();
    private static AddNumbersService addNumbers;
    private static CreatePoolService createPool;

    @BeforeAll
    static void start() {
        PoolRepository pools = DB.bean(PoolRepository.class);
        PoolMemberRepository members = DB.bean(PoolMemberRepository.class);
        PoolEventRepository events = DB.bean(PoolEventRepository.class);
        TransactionRunner tx = DB.bean(TransactionRunner.class);
        addNumbers = new AddNumbersService(pools, members, events, tx, Clock.systemUTC());
        createPool = new CreatePoolService(pools, events, DB.bean(OptOutListRepository.class), tx,
                Clock.systemUTC());
    }

    private static Caller newCaller() {
        AccountId id = AccountId.newId(Instant.now());
        DB.bean(AccountRepository.class).insert(new Account(id, "race", Instant.now()));
        return new Caller(id, new ApiKeyId("key_race"));
    }

    @Test
    void twoThreadsAddingOneNumberToTwoPoolsOfAnAccountNeverBothSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                Caller caller = newCaller();
                NumberPool a = createPool.createPool(new CreatePoolCommand(caller, PoolPatch.named(new PoolName("a"))));
                NumberPool b = createPool.createPool(new CreatePoolCommand(caller, PoolPatch.named(new PoolName("b"))));
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<MemberOutcome.Status> addToA = () -> {
                    start.await();
                    return addNumbers.addNumbers(new AddNumbersCommand(caller, a.id(),
                            List.of(Numbers.usLongCode(7), Numbers.usLongCode(8)))).get(0).status();
                };
                Callable<MemberOutcome.Status> addToB = () -> {
                    start.await();
                    return addNumbers.addNumbers(new AddNumbersCommand(caller, b.id(),
                            List.of(Numbers.usLongCode(8), Numbers.usLongCode(7)))).get(1).status();
                };
                Future<MemberOutcome.Status> first = threads.submit(addToA);
                Future<MemberOutcome.Status> second = threads.submit(addToB);
                List<MemberOutcome.Status> statuses = List.of(first.get(), second.get());
                assertEquals(1, statuses.stream().filter(s -> s == MemberOutcome.Status.ADDED).count(),
                        "round " + round + ": " + statuses);
                PoolMemberRepository members = DB.bean(PoolMemberRepository.class);
                assertEquals(2, members.count(a.id()) + members.count(b.id()), "each number is in exactly one pool");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aUnitOfWorkThatFailsLeavesNothingBehind() {
        Caller caller = newCaller();
        TransactionRunner tx = DB.bean(TransactionRunner.class);
        PoolRepository pools = DB.bean(PoolRepository.class);
        NumberPool pool = NumberPool.create(caller.accountId(), PoolPatch.named(new PoolName("doomed")), Instant.now());
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            pools.insert(pool);
            throw new IllegalStateException("boom");
        }));
        assertEquals(java.util.Optional.empty(), pools.find(caller.accountId(), pool.id()));
    }
}
