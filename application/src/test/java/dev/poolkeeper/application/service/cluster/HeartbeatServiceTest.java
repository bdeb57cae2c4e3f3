package dev.poolkeeper.application.service.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemorySendBudget;
import dev.poolkeeper.application.port.out.cluster.InstanceRegistry;
import dev.poolkeeper.application.service.messaging.DispatchPartition;
import dev.poolkeeper.application.service.selection.SendBudgets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    @Test
    void aliveMeansSeenWithinThreeIntervalsAndTheCountSwitchesAutoBudgetsToShared() {
        List<String> calls = new ArrayList<>();
        List<List<String>> alive = new ArrayList<>(List.of(List.of("instance-a")));
        InstanceRegistry registry = (id, now, aliveSince, forgetBefore) -> {
            calls.add(id + " " + now + " " + aliveSince + " " + forgetBefore);
            return alive.get(0);
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(),
                Optional.of(new InMemorySendBudget()), SendBudgets.Sharing.AUTO, clock);
        DispatchPartition partition = new DispatchPartition(clock, Duration.ofSeconds(11));
        HeartbeatService heartbeat = new HeartbeatService(registry, budgets, partition, "instance-a",
                Duration.ofSeconds(5), clock);

        assertEquals(1, heartbeat.heartbeat());
        assertEquals(List.of("instance-a 2026-11-23T10:15:00Z 2026-11-23T10:14:45Z 2026-11-23T10:14:00Z"), calls,
                "alive: seen in the last 15 s; forgotten: silent for a minute");
        assertFalse(budgets.shared());
        List<String> senders = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "+1415555" + (1000 + i)).toList();
        assertTrue(senders.stream().allMatch(partition::owns), "alone: every sender is this instance's");
        alive.set(0, List.of("instance-a", "instance-b"));
        assertEquals(2, heartbeat.heartbeat());
        assertTrue(budgets.shared());
        long mine = senders.stream().filter(partition::owns).count();
        assertTrue(mine > 0 && mine < senders.size(), "two alive: the senders are shared out (" + mine + " of 40)");
        alive.set(0, List.of("instance-a"));
        heartbeat.heartbeat();
        assertFalse(budgets.shared(), "alone again: back to memory");
        assertTrue(senders.stream().allMatch(partition::owns));
    }
}
