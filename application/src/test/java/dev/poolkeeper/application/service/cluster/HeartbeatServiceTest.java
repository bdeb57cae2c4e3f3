package dev.poolkeeper.application.service.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemorySendBudget;
import dev.poolkeeper.application.port.out.cluster.InstanceRegistry;
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
        int[] alive = {1};
        InstanceRegistry registry = (id, now, aliveSince, forgetBefore) -> {
            calls.add(id + " " + now + " " + aliveSince + " " + forgetBefore);
            return alive[0];
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(),
                Optional.of(new InMemorySendBudget()), SendBudgets.Sharing.AUTO, clock);
        HeartbeatService heartbeat = new HeartbeatService(registry, budgets, "instance-a", Duration.ofSeconds(5),
                clock);

        assertEquals(1, heartbeat.heartbeat());
        assertEquals(List.of("instance-a 2026-11-23T10:15:00Z 2026-11-23T10:14:45Z 2026-11-23T10:14:00Z"), calls,
                "alive: seen in the last 15 s; forgotten: silent for a minute");
        assertFalse(budgets.shared());
        alive[0] = 2;
        assertEquals(2, heartbeat.heartbeat());
        assertTrue(budgets.shared());
        alive[0] = 1;
        heartbeat.heartbeat();
        assertFalse(budgets.shared(), "alone again: back to memory");
    }
}
