package dev.poolkeeper.application.service.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.service.ServiceFixture;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The selection indexes an instance keeps: rebuilt after a change, and bounded by the members they hold. */
class PoolIndexCacheTest {
    private final ServiceFixture f = new ServiceFixture();
    /** The pools whose members were read to build an index, in order. */
    private final List<PoolId> built = new ArrayList<>();
    private final PoolMemberRepository counting = (PoolMemberRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PoolMemberRepository.class}, (proxy, method, args) -> {
                if (method.getName().equals("all")) {
                    built.add((PoolId) args[0]);
                }
                return method.invoke(f.store, args);
            });

    private NumberPool pool(String name, int from, int members) {
        NumberPool pool = f.pool(f.alice, name);
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(),
                IntStream.range(from, from + members).mapToObj(Numbers::usLongCode).toList()));
        return f.store.find(f.alice.accountId(), pool.id()).orElseThrow();
    }

    @Test
    void anIndexIsBuiltOnceWhileItsPoolIsUnchangedAndTheRowKeptWithItIsTheOneLastUsed() {
        PoolIndexCache cache = new PoolIndexCache(counting);
        NumberPool pool = pool("a", 0, 3);
        cache.indexOf(pool);
        NumberPool sameRowReadAgain = f.store.find(f.alice.accountId(), pool.id()).orElseThrow();
        cache.indexOf(sameRowReadAgain);
        assertEquals(List.of(pool.id()), built);
        assertSame(sameRowReadAgain, cache.ifCurrent(f.alice.accountId(), pool.id(),
                PoolRepository.Stamp.of(sameRowReadAgain)).orElseThrow().pool());
        assertTrue(cache.ifCurrent(f.bob.accountId(), pool.id(), PoolRepository.Stamp.of(pool)).isEmpty(),
                "another account's pool id");

        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(Numbers.usLongCode(10))));
        NumberPool grown = f.store.find(f.alice.accountId(), pool.id()).orElseThrow();
        assertTrue(cache.ifCurrent(f.alice.accountId(), pool.id(), PoolRepository.Stamp.of(grown)).isEmpty(),
                "a changed stamp");
        assertEquals(4, cache.indexOf(grown).size());
        assertEquals(List.of(pool.id(), pool.id()), built);
        assertEquals(4, cache.heldMembers());
    }

    @Test
    void pastItsBoundTheIndexesUsedLeastRecentlyAreDroppedAndRebuiltWhenNeeded() {
        PoolIndexCache cache = new PoolIndexCache(counting, 10);
        NumberPool a = pool("a", 0, 4);
        NumberPool b = pool("b", 10, 4);
        NumberPool c = pool("c", 20, 4);
        cache.indexOf(a);
        cache.indexOf(b);
        cache.indexOf(a); // b is now the least recently used
        assertEquals(8, cache.heldMembers());

        cache.indexOf(c);
        assertEquals(8, cache.heldMembers(), "b dropped: 12 members were past the bound of 10");
        cache.indexOf(a);
        cache.indexOf(c);
        assertEquals(List.of(a.id(), b.id(), c.id()), built, "a and c kept");
        cache.indexOf(b);
        assertEquals(List.of(a.id(), b.id(), c.id(), b.id()), built, "b rebuilt");

        NumberPool large = pool("large", 100, 12);
        assertEquals(12, cache.indexOf(large).size(), "a pool larger than the bound still gets its index");
        assertEquals(12, cache.heldMembers(), "and holds the cache alone");
    }
}
