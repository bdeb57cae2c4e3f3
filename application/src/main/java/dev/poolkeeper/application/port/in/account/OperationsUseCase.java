package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import java.util.List;
import java.util.Map;

/**
 * What waits or fails in the caller's account, for an operator on call: each pool's queue (messages due and
 * not sent, and since when), the provider parts that are not in sync (failed, drifted, waiting) with their
 * last error, and the event endpoints with their state.
 */
public interface OperationsUseCase {
    Operations operations(Caller caller);

    record Operations(Map<PoolId, QueueBacklog> queues, List<SyncPart> parts, List<EventEndpoint> endpoints) {
        public Operations {
            queues = Map.copyOf(queues);
            parts = List.copyOf(parts);
            endpoints = List.copyOf(endpoints);
        }
    }
}
