package dev.poolkeeper.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreWellFormedUniqueAndSortByTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId("pool_", Instant.EPOCH);
            assertTrue(Ids.isWellFormed("pool_", id), id);
            assertTrue(seen.add(id));
        }
        String earlier = Ids.newId("x_", Instant.parse("2026-01-01T00:00:00Z"));
        String later = Ids.newId("x_", Instant.parse("2026-01-01T00:00:01Z"));
        assertTrue(earlier.compareTo(later) < 0);
        assertEquals(31, Ids.newId("pool_", Instant.EPOCH).length());
        assertFalse(Ids.isWellFormed("pool_", "pool_short"));
    }
}
