package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.event.DeliveryBacklog;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.List;
import java.util.Map;

/**
 * What waits or fails in the caller's account, for an operator on call: each pool's queue (messages due and
 * not sent, and since when), the provider parts that are not in sync (failed, drifted, waiting) with their
 * last error, and the event endpoints with their state and their deliveries still waiting or dead-lettered.
 */
public interface OperationsUseCase {
    Operations operations(Caller caller);

    record Operations(Map<PoolId, QueueBacklog> queues, List<SyncPart> parts, List<EventEndpoint> endpoints,
                      Map<EventEndpointId, DeliveryBacklog> deliveries) {
        public Operations {
            queues = Map.copyOf(queues);
            parts = List.copyOf(parts);
            endpoints = List.copyOf(endpoints);
            deliveries = Map.copyOf(deliveries);
        }

        /** The endpoint's deliveries that are not done (none when it has none). */
        public DeliveryBacklog deliveries(EventEndpointId endpoint) {
            return deliveries.getOrDefault(endpoint, DeliveryBacklog.NONE);
        }
    }
}
