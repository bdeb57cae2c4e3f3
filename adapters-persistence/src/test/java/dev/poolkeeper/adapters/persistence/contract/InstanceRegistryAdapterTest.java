package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.cluster.InstanceRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Heartbeats on the real database: who counts as alive, and who is forgotten. */
class InstanceRegistryAdapterTest {
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    private static final Instant T = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void instancesSeenRecentlyAreAliveAndLongSilentOnesAreForgotten() {
        InstanceRegistry registry = DB.bean(InstanceRegistry.class);
        assertEquals(List.of("a"), registry.heartbeat("a", T, T.minusSeconds(15), T.minusSeconds(60)));
        assertEquals(List.of("a", "b"), registry.heartbeat("b", T.plusSeconds(1), T.minusSeconds(14), T.minusSeconds(59)));
        assertEquals(List.of("a", "b"), registry.heartbeat("a", T.plusSeconds(5), T.minusSeconds(10), T.minusSeconds(55)),
                "a beat again: still two");
        assertEquals(List.of("a"), registry.heartbeat("a", T.plusSeconds(20), T.plusSeconds(5), T.minusSeconds(40)),
                "b is silent for three intervals: not alive");
        assertEquals(List.of("a", "b"), registry.heartbeat("b", T.plusSeconds(21), T.plusSeconds(6), T.minusSeconds(39)),
                "b comes back");
        assertEquals(List.of("a"), registry.heartbeat("a", T.plusSeconds(200), T.plusSeconds(185), T.plusSeconds(140)));
        assertEquals(List.of("a"), registry.heartbeat("a", T.plusSeconds(205), T.minusSeconds(3600), T.plusSeconds(145)),
                "b, silent for over a minute, is forgotten: not even an old alive window counts it");
    }
}
