package dev.poolkeeper.application.service.cluster;

import dev.poolkeeper.application.port.in.cluster.HeartbeatUseCase;
import dev.poolkeeper.application.port.out.cluster.InstanceRegistry;
import dev.poolkeeper.application.service.messaging.DispatchPartition;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An instance is alive while its last heartbeat is younger than three intervals; silent for a minute or
 * ten intervals (whichever is longer), it is forgotten. The count goes to {@link SendBudgets}, the alive
 * instances to the {@link DispatchPartition} that shares the senders out among them.
 */
public final class HeartbeatService implements HeartbeatUseCase {
    private final InstanceRegistry registry;
    private final SendBudgets budgets;
    private final DispatchPartition partition;
    private final String instanceId;
    private final Duration interval;
    private final Clock clock;

    public HeartbeatService(InstanceRegistry registry, SendBudgets budgets, DispatchPartition partition,
                            String instanceId, Duration interval, Clock clock) {
        this.partition = partition;
        this.registry = registry;
        this.budgets = budgets;
        this.instanceId = instanceId;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public int heartbeat() {
        Instant now = Times.now(clock);
        Duration forget = interval.multipliedBy(10).compareTo(Duration.ofMinutes(1)) > 0
                ? interval.multipliedBy(10) : Duration.ofMinutes(1);
        List<String> alive = registry.heartbeat(instanceId, now, now.minus(interval.multipliedBy(3)),
                now.minus(forget));
        budgets.instancesAlive(alive.size());
        partition.alive(alive, instanceId);
        return alive.size();
    }
}
