package dev.poolkeeper.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemorySelectionState;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.pool.UpdatePoolCommand;
import dev.poolkeeper.application.port.in.selection.SelectSenderCommand;
import dev.poolkeeper.application.service.selection.PoolIndexCache;
import dev.poolkeeper.application.service.selection.SelectSenderService;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SelectSenderServiceTest {
    private static final PhoneNumber TO = PhoneNumber.parse("+12125550100");
    private final ServiceFixture f = new ServiceFixture();
    private final InMemorySelectionState state = new InMemorySelectionState();
    private final SelectSenderService select = new SelectSenderService(new SenderDecisions(f.store,
            new PoolIndexCache(f.store), state, state, new SendBudgets(SendBudgets.carrierDefaults(), f.clock), f.clock));

    private NumberPool stickyPool(int members) {
        NumberPool pool = f.pool(f.alice, "sticky");
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), new PoolPatch(null, null, null, null, null,
                null, Update.to(true), null, null, null, null, null, null, null, null, null), OptionalLong.empty()));
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(),
                java.util.stream.IntStream.range(0, members).mapToObj(Numbers::usLongCode).toList()));
        return pool;
    }

    @Test
    void aDryRunRecordsNoMappingAndTakesNoBudget() {
        NumberPool pool = stickyPool(1);
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Decision.Selected.class,
                    select.selectSender(new SelectSenderCommand(f.alice, pool.id(), TO, true)));
        }
        assertEquals(Optional.empty(), state.find(pool.id(), TO));
        assertInstanceOf(Decision.Selected.class,
                select.selectSender(new SelectSenderCommand(f.alice, pool.id(), TO, false)));
        assertTrue(state.find(pool.id(), TO).isPresent());
        Decision secondWithinASecond = select.selectSender(new SelectSenderCommand(f.alice, pool.id(), TO, false));
        assertEquals(ErrorCode.SELECTION_CAPACITY_EXHAUSTED, ((Decision.Refused) secondWithinASecond).code(),
                "a long code sends once a second");
    }

    @Test
    void anOptedOutRecipientIsRefusedOnThePoolsOwnList() {
        NumberPool pool = stickyPool(2);
        state.optOut(f.alice.accountId(), pool.optOutListKey(), TO);
        Decision d = select.selectSender(new SelectSenderCommand(f.alice, pool.id(), TO, true));
        assertEquals(ErrorCode.SELECTION_OPTED_OUT, ((Decision.Refused) d).code());
        assertEquals("pool:" + pool.id().value(), pool.optOutListKey());
    }

    @Test
    void whenAnotherInstanceStoredTheFirstMappingThisOneUsesIt() {
        NumberPool pool = stickyPool(5);
        PhoneNumber winner = PhoneNumber.parse(Numbers.usNumber(3));
        InMemorySelectionState raced = new InMemorySelectionState() {
            @Override
            public Optional<StickyMapping> find(PoolId poolId, PhoneNumber recipient) {
                return Optional.empty();
            }

            @Override
            public StickyMapping insertIfAbsent(PoolId poolId, StickyMapping mapping) {
                return new StickyMapping(mapping.recipient(), winner, Instant.now(f.clock), Instant.now(f.clock));
            }
        };
        SelectSenderService racing = new SelectSenderService(new SenderDecisions(f.store,
                new PoolIndexCache(f.store), raced, raced, new SendBudgets(SendBudgets.carrierDefaults(), f.clock),
                f.clock));
        Decision.Selected d = (Decision.Selected) racing.selectSender(
                new SelectSenderCommand(f.alice, pool.id(), TO, false));
        assertEquals(winner, d.sender().number());
        assertEquals(Reason.STICKY, d.reason());
    }

    @Test
    void theIndexFollowsMembershipChanges() {
        NumberPool pool = f.pool(f.alice, "growing");
        assertEquals(ErrorCode.SELECTION_EMPTY_POOL, ((Decision.Refused) select.selectSender(
                new SelectSenderCommand(f.alice, pool.id(), TO, true))).code());
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(Numbers.usLongCode(1))));
        Decision.Selected d = (Decision.Selected) select.selectSender(
                new SelectSenderCommand(f.alice, pool.id(), TO, true));
        assertEquals(Numbers.usNumber(1), d.sender().number().e164());
    }

    @Test
    void decisionsReadAPoolsRowOnceAndAgainOnlyAfterItChanged() {
        NumberPool pool = stickyPool(2);
        java.util.concurrent.atomic.AtomicInteger rowsRead = new java.util.concurrent.atomic.AtomicInteger();
        dev.poolkeeper.application.port.out.pool.PoolRepository counting =
                (dev.poolkeeper.application.port.out.pool.PoolRepository) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {dev.poolkeeper.application.port.out.pool.PoolRepository.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("find")) {
                                rowsRead.incrementAndGet();
                            }
                            return method.invoke(f.store, args);
                        });
        SenderDecisions decisions = new SenderDecisions(counting, new PoolIndexCache(f.store), state, state,
                new SendBudgets(SendBudgets.carrierDefaults(), f.clock), f.clock);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Decision.Selected.class, decisions.decide(f.alice.accountId(), pool.id(), TO, true,
                    c -> true).decision());
        }
        assertEquals(1, rowsRead.get(), "the row is read once; each decision after reads the pool's stamp alone");

        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), new PoolPatch(null, null, null, null, null,
                Update.to(true), null, null, null, null, null, null, null, null, null, null), OptionalLong.empty()));
        SenderDecisions.Choice after = decisions.decide(f.alice.accountId(), pool.id(), TO, true, c -> true);
        assertTrue(after.pool().settings().geomatch(), "the changed row");
        assertEquals(2, rowsRead.get());
        decisions.decide(f.alice.accountId(), pool.id(), TO, true, c -> true);
        assertEquals(2, rowsRead.get());
    }

    @Test
    void decisionsOfABatchTouchTheMappingsTheyUseAgainInOneCall() {
        NumberPool pool = stickyPool(3);
        List<PhoneNumber> recipients = List.of(TO, PhoneNumber.parse("+12125550101"), PhoneNumber.parse("+12125550102"));
        List<List<PhoneNumber>> touchedTogether = new java.util.ArrayList<>();
        List<PhoneNumber> touchedAlone = new java.util.ArrayList<>();
        InMemorySelectionState recording = new InMemorySelectionState() {
            @Override
            public synchronized void touch(PoolId poolId, PhoneNumber recipient, Instant at) {
                touchedAlone.add(recipient);
                super.touch(poolId, recipient, at);
            }

            @Override
            public void touchAll(PoolId poolId, java.util.Collection<PhoneNumber> recipients, Instant at) {
                touchedTogether.add(List.copyOf(recipients));
            }
        };
        SenderDecisions decisions = new SenderDecisions(f.store, new PoolIndexCache(f.store), recording, recording,
                new SendBudgets(SendBudgets.carrierDefaults(), f.clock), f.clock);
        List<SenderDecisions.Choice> first = decisions.decideAllToQueue(f.alice.accountId(), pool.id(), recipients);
        assertEquals(List.of(), touchedTogether, "new mappings are created, none touched");
        List<SenderDecisions.Choice> again = decisions.decideAllToQueue(f.alice.accountId(), pool.id(), recipients);
        assertEquals(List.of(recipients), touchedTogether, "used again: touched in one call");
        assertEquals(List.of(), touchedAlone);
        for (int i = 0; i < recipients.size(); i++) {
            assertEquals(((Decision.Selected) first.get(i).decision()).sender().number(),
                    ((Decision.Selected) again.get(i).decision()).sender().number(), "the same sender again");
            assertEquals(Reason.STICKY, ((Decision.Selected) again.get(i).decision()).reason());
        }
    }
}
