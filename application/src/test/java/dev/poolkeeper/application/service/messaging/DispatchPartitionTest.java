package dev.poolkeeper.application.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each sender is dispatched by one instance, including while the instances learn of a change. */
class DispatchPartitionTest {
    private static final Duration HANDOVER = DispatchPartition.handoverFor(Duration.ofSeconds(5));
    private static final List<String> SENDERS = IntStream.range(0, 200).mapToObj(i -> "+1415555" + (1000 + i))
            .toList();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:15:00Z"));

    private static List<String> owned(DispatchPartition p) {
        return SENDERS.stream().filter(p::owns).toList();
    }

    @Test
    void everySenderHasExactlyOneOwnerAmongTheAliveAndOnlyALeaversShareMoves() {
        List<String> three = List.of("a", "b", "c");
        List<DispatchPartition> instances = three.stream().map(id -> {
            DispatchPartition p = new DispatchPartition(clock, HANDOVER);
            p.alive(List.of(id), id); // each alone at first
            p.alive(three, id);
            return p;
        }).toList();
        for (String sender : SENDERS) {
            assertEquals(1, instances.stream().filter(p -> p.owns(sender)).count(), sender);
        }
        assertTrue(instances.stream().allMatch(p -> owned(p).size() > 40), "shared out about evenly");

        List<String> aBefore = owned(instances.get(0));
        instances.get(0).alive(List.of("a", "b"), "a"); // c is gone
        instances.get(1).alive(List.of("a", "b"), "b");
        assertTrue(owned(instances.get(0)).containsAll(aBefore), "a keeps what it had");
        for (String sender : SENDERS) {
            assertEquals(1, instances.subList(0, 2).stream().filter(p -> p.owns(sender)).count(),
                    "c's senders are taken at once by the survivors: " + sender);
        }
    }

    @Test
    void anInstanceStartingBesideAnotherWaitsTheHandoverSoTheOtherHasLetGo() {
        DispatchPartition old = new DispatchPartition(clock, HANDOVER);
        old.alive(List.of("a"), "a");
        assertEquals(SENDERS, owned(old), "alone: everything");

        DispatchPartition fresh = new DispatchPartition(clock, HANDOVER);
        assertEquals(List.of(), owned(fresh), "nothing before its first heartbeat");
        fresh.alive(List.of("a", "b"), "b");
        assertEquals(List.of(), owned(fresh), "a has not seen b yet and still sends everything");
        clock.advance(Duration.ofSeconds(5));
        old.alive(List.of("a", "b"), "a");
        List<String> aKeeps = owned(old);
        assertTrue(aKeeps.size() < SENDERS.size(), "a lets b's share go at its next heartbeat");
        clock.advance(HANDOVER.minusSeconds(5));
        List<String> bTakes = owned(fresh);
        assertFalse(bTakes.isEmpty());
        assertTrue(bTakes.stream().noneMatch(aKeeps::contains), "never both");
        assertEquals(SENDERS.size(), aKeeps.size() + bTakes.size());
    }
}
