package dev.poolkeeper.application.service;

import static dev.poolkeeper.domain.mothers.Numbers.usLongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.pool.UpdatePoolCommand;
import dev.poolkeeper.application.service.pool.ListPoolEventsService;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PoolServicesTest {
    private final ServiceFixture f = new ServiceFixture();

    private static PoolPatch geomatch(boolean on) {
        return new PoolPatch(null, null, null, null, null, Update.to(on), null, null, null, null, null, null, null,
                null, null, null);
    }

    @Test
    void aStaleIfMatchIsAVersionConflictAndChangesNothing() {
        NumberPool pool = f.pool(f.alice, "p");
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), geomatch(true), OptionalLong.of(1)));
        DomainException e = assertThrows(DomainException.class, () -> f.updatePool.updatePool(
                new UpdatePoolCommand(f.alice, pool.id(), geomatch(false), OptionalLong.of(1))));
        assertEquals(ErrorCode.POOL_VERSION_CONFLICT, e.code());
        assertTrue(f.store.find(f.alice.accountId(), pool.id()).orElseThrow().settings().geomatch());
    }

    @Test
    void theUpdateEventHoldsOnlyTheChangedFields() {
        NumberPool pool = f.pool(f.alice, "p");
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), geomatch(true), OptionalLong.empty()));
        List<PoolEvent> events = new ListPoolEventsService(f.store, f.store)
                .listPoolEvents(f.alice, pool.id(), dev.poolkeeper.domain.pool.PoolEventQuery.all(), PageRequest.first(10))
                .items();
        PoolEvent update = events.get(1);
        assertEquals(Map.of("geomatch", false), update.before());
        assertEquals(Map.of("geomatch", true), update.after());
    }

    @Test
    void aPoolWithOneWayMembersCannotBeSwitchedToTwoWay() {
        NumberPool pool = f.pool(f.alice, "p");
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(usLongCode(1))));
        PoolPatch twoWay = new PoolPatch(null, null, null, null, null, null, null, null, null, null, null,
                Update.to(true), null, null, null, null);
        DomainException e = assertThrows(DomainException.class, () -> f.updatePool.updatePool(
                new UpdatePoolCommand(f.alice, pool.id(), twoWay, OptionalLong.empty())));
        assertEquals(ErrorCode.POOL_MEMBERS_NOT_TWO_WAY, e.code());
    }

    @Test
    void aPoolMayNameOnlyAnExistingOptOutListOfItsAccount() {
        NumberPool pool = f.pool(f.alice, "p");
        PoolPatch list = new PoolPatch(null, null, null, null, null, null, null, null, null, null, null, null, null,
                Update.to(new OptOutListName("main")), null, null);
        assertEquals(ErrorCode.OPT_OUT_LIST_NOT_FOUND, assertThrows(DomainException.class, () -> f.updatePool
                .updatePool(new UpdatePoolCommand(f.alice, pool.id(), list, OptionalLong.empty()))).code());
        f.store.addOptOutList(f.alice.accountId(), "main");
        NumberPool updated = f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), list,
                OptionalLong.empty()));
        assertEquals("main", updated.settings().optOutListName().value());
    }

    @Test
    void aProtectedPoolIsNotDeletedAndAnUnprotectedOneFreesItsNumbers() {
        NumberPool pool = f.pool(f.alice, "p");
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(usLongCode(1))));
        PoolPatch protect = new PoolPatch(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, Update.to(true));
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), protect, OptionalLong.empty()));
        assertEquals(ErrorCode.POOL_DELETION_PROTECTED, assertThrows(DomainException.class,
                () -> f.deletePool.deletePool(f.alice, pool.id())).code());
        assertEquals(1, f.store.count(pool.id()));
        PoolPatch unprotect = new PoolPatch(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, Update.to(false));
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), unprotect, OptionalLong.empty()));
        f.deletePool.deletePool(f.alice, pool.id());
        assertEquals(0, f.store.count(pool.id()));
        NumberPool other = f.pool(f.alice, "other");
        assertEquals(1, f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, other.id(),
                List.of(usLongCode(1)))).stream().filter(o -> o.status().isSuccess()).count());
    }

    @Test
    void namesAreUniquePerAccount() {
        f.pool(f.alice, "same");
        assertEquals(ErrorCode.POOL_NAME_TAKEN, assertThrows(DomainException.class,
                () -> f.pool(f.alice, "same")).code());
        f.pool(f.bob, "same");
    }
}
