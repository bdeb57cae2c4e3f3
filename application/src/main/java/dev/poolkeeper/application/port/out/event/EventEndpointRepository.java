package dev.poolkeeper.application.port.out.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventEndpointId;
import java.util.Optional;

/**
 * Event endpoints, with their signing secrets encrypted at rest. Storing one needs the instance's secret
 * keys: without them {@code event_endpoint.not_storable}.
 */
public interface EventEndpointRepository {
    void insert(EventEndpoint endpoint);

    void update(EventEndpoint endpoint);

    Optional<EventEndpoint> find(AccountId accountId, EventEndpointId id);

    /** Locked until the unit of work ends. */
    Optional<EventEndpoint> lock(AccountId accountId, EventEndpointId id);

    /** The account's endpoints, oldest first. */
    Page<EventEndpoint> list(AccountId accountId, PageRequest page);

    /** Deletes the endpoint and the deliveries still waiting for it. */
    boolean delete(AccountId accountId, EventEndpointId id);
}
