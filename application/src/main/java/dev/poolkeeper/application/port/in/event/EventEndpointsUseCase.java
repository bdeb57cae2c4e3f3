package dev.poolkeeper.application.port.in.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.event.EventType;
import java.util.Optional;
import java.util.Set;

/**
 * An account's event endpoints: created with a signing secret shown once, listed, changed, deleted, their
 * secret rotated with an overlap; their deliveries listed, and an event delivered again on request.
 */
public interface EventEndpointsUseCase {
    /** What a client may set; empty fields are left as they are (on create: all types, enabled). */
    record Change(Optional<String> url, Optional<Set<EventType>> types, Optional<Boolean> enabled) {
    }

    /** An endpoint with its secret, the one time it is shown. */
    record WithSecret(EventEndpoint endpoint, String secret) {
    }

    WithSecret create(Caller caller, Change change);

    Page<EventEndpoint> list(Caller caller, PageRequest page);

    EventEndpoint get(Caller caller, EventEndpointId id);

    EventEndpoint update(Caller caller, EventEndpointId id, Change change);

    void delete(Caller caller, EventEndpointId id);

    /** A new secret; the previous one keeps signing for the overlap period. */
    WithSecret rotateSecret(Caller caller, EventEndpointId id);

    Page<EventDelivery> deliveries(Caller caller, EventEndpointId id, Optional<EventDelivery.Status> status,
                                   PageRequest page);

    /** Delivers one of the account's events to the endpoint again (a failed, dead-lettered or old one). */
    EventDelivery redeliver(Caller caller, EventEndpointId id, String eventId);
}
