package dev.poolkeeper.domain.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.mothers.Pools;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NumberPoolTest {
    private static final Instant LATER = Pools.NOW.plusSeconds(60);

    private static PoolPatch patch() {
        return PoolPatch.empty();
    }

    @Test
    void aNewPoolHasTheDocumentedDefaults() {
        NumberPool pool = Pools.aPool();
        PoolSettings s = pool.settings();
        assertEquals(MessageType.TRANSACTIONAL, pool.messageType());
        assertEquals(PoolStatus.ACTIVE, pool.status());
        assertEquals(Fallback.POOL, s.fallback());
        assertEquals(30, s.stickyTtlDays());
        assertEquals(1, s.longCodeWeight());
        assertEquals(1, s.tollFreeWeight());
        assertEquals(1, pool.version());
        assertEquals(0, pool.numberCount());
        assertTrue(pool.id().value().startsWith("pool_"));
    }

    @Test
    void aPoolNeedsAName() {
        DomainException e = assertThrows(DomainException.class,
                () -> NumberPool.create(Pools.ACCOUNT, patch(), Pools.NOW));
        assertEquals("name", e.violations().get(0).field());
    }

    @Test
    void fallbackCustomFromRequiresACustomFrom() {
        PoolPatch p = new PoolPatch(Update.to(new PoolName("a")), null, Update.to(Fallback.CUSTOM_FROM), null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        DomainException e = assertThrows(DomainException.class, () -> NumberPool.create(Pools.ACCOUNT, p, Pools.NOW));
        assertEquals(ErrorCode.REQUEST_INVALID, e.code());
        assertEquals("custom_from", e.violations().get(0).field());
    }

    @Test
    void customFromIsRefusedUnlessFallbackIsCustomFrom() {
        PoolPatch p = new PoolPatch(Update.to(new PoolName("a")), null, null, Update.to(new CustomFrom("ACME")), null,
                null, null, null, null, null, null, null, null, null, null, null);
        DomainException e = assertThrows(DomainException.class, () -> NumberPool.create(Pools.ACCOUNT, p, Pools.NOW));
        assertEquals("custom_from", e.violations().get(0).field());
    }

    @Test
    void settingFallbackAndCustomFromTogetherWorksAndResettingFallbackNeedsCustomFromRemoved() {
        NumberPool pool = Pools.aPool();
        pool.update(new PoolPatch(null, null, Update.to(Fallback.CUSTOM_FROM), Update.to(new CustomFrom("ACME")),
                null, null, null, null, null, null, null, null, null, null, null, null), LATER);
        assertEquals("ACME", pool.settings().customFrom().value());
        assertThrows(DomainException.class, () -> pool.update(new PoolPatch(null, null, Update.reset(), null, null,
                null, null, null, null, null, null, null, null, null, null, null), LATER));
        pool.update(new PoolPatch(null, null, Update.reset(), Update.reset(), null, null, null, null, null, null,
                null, null, null, null, null, null), LATER);
        assertEquals(Fallback.POOL, pool.settings().fallback());
        assertNull(pool.settings().customFrom());
    }

    @Test
    void theMessageTypeCannotChangeButMayBeRepeated() {
        NumberPool pool = Pools.aPool();
        DomainException e = assertThrows(DomainException.class, () -> pool.update(new PoolPatch(null,
                Update.to(MessageType.PROMOTIONAL), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null), LATER));
        assertEquals(ErrorCode.POOL_MESSAGE_TYPE_IMMUTABLE, e.code());
        assertFalse(pool.update(new PoolPatch(null, Update.to(MessageType.TRANSACTIONAL), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null), LATER));
    }

    @Test
    void negativeWeightsAndAnOutOfRangeTtlAreRefused() {
        NumberPool pool = Pools.aPool();
        assertThrows(DomainException.class, () -> pool.update(new PoolPatch(null, null, null, null, null, null, null,
                null, Update.to(-1), null, null, null, null, null, null, null), LATER));
        assertThrows(DomainException.class, () -> pool.update(new PoolPatch(null, null, null, null, null, null, null,
                Update.to(731), null, null, null, null, null, null, null, null), LATER));
        assertEquals(1, pool.version(), "a refused patch changes nothing");
    }

    @Test
    void aRealChangeBumpsTheVersionAndAnIdenticalPatchDoesNot() {
        NumberPool pool = Pools.aPool();
        PoolPatch geomatch = new PoolPatch(null, null, null, null, null, Update.to(true), null, null, null, null,
                null, null, null, null, null, null);
        assertTrue(pool.update(geomatch, LATER));
        assertEquals(2, pool.version());
        assertEquals(LATER, pool.updatedAt());
        assertFalse(pool.update(geomatch, LATER.plusSeconds(1)));
        assertEquals(2, pool.version());
    }

    @Test
    void aProtectedPoolCannotBeDeleted() {
        NumberPool pool = Pools.aPool();
        pool.ensureDeletable();
        pool.update(new PoolPatch(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, Update.to(true)), LATER);
        assertEquals(ErrorCode.POOL_DELETION_PROTECTED,
                assertThrows(DomainException.class, pool::ensureDeletable).code());
    }

    @Test
    void theSnapshotUsesApiFieldNames() {
        var snapshot = Pools.aPool().snapshot();
        assertEquals("transactional", snapshot.get("message_type"));
        assertEquals(30, snapshot.get("sticky_ttl_days"));
        assertTrue(snapshot.containsKey("custom_from"));
    }

    @Test
    void valueObjectsGuardTheirFormat() {
        assertThrows(IllegalArgumentException.class, () -> new PoolName("has space"));
        assertThrows(IllegalArgumentException.class, () -> new PoolName("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> new CustomFrom("12345"));
        assertThrows(IllegalArgumentException.class, () -> new CustomFrom("TWELVECHARSX"));
        assertEquals("Acme 1", new CustomFrom("Acme 1").value());
    }
}
