package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.event.EventEndpointsUseCase;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.event.UrlGuard;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Event endpoints within the caller's account. A URL must be https (http only where the instance allows
 * private addresses) and point, after DNS resolution, at public addresses unless the instance allows
 * otherwise; it is checked again at every delivery.
 */
public final class EventEndpointsService implements EventEndpointsUseCase {
    private final EventEndpointRepository endpoints;
    private final EventDeliveryRepository deliveries;
    private final EventRepository events;
    private final UrlGuard guard;
    private final Duration secretOverlap;
    private final TransactionRunner tx;
    private final Clock clock;

    public EventEndpointsService(EventEndpointRepository endpoints, EventDeliveryRepository deliveries,
                                 EventRepository events, UrlGuard guard, Duration secretOverlap,
                                 TransactionRunner tx, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.guard = guard;
        this.secretOverlap = secretOverlap;
        this.tx = tx;
        this.clock = clock;
    }

    private URI url(String value) {
        URI url = EventEndpoint.url(value, guard.allowsHttp());
        Optional<String> refusal = guard.refusal(url);
        if (refusal.isPresent()) {
            throw new DomainException(ErrorCode.EVENT_ENDPOINT_URL_REFUSED, refusal.get());
        }
        return url;
    }

    @Override
    public WithSecret create(Caller caller, Change change) {
        URI url = url(change.url().orElseThrow(() -> DomainException.invalidField("url", "is required")));
        EventEndpoint endpoint = EventEndpoint.create(caller.accountId(), url, change.types().orElse(Set.of()),
                change.enabled().orElse(true), Times.now(clock));
        endpoints.insert(endpoint);
        return new WithSecret(endpoint, endpoint.secrets().current());
    }

    @Override
    public Page<EventEndpoint> list(Caller caller, PageRequest page) {
        return endpoints.list(caller.accountId(), page);
    }

    @Override
    public EventEndpoint get(Caller caller, EventEndpointId id) {
        return endpoints.find(caller.accountId(), id).orElseThrow(() -> EventEndpoint.notFound(id.value()));
    }

    @Override
    public EventEndpoint update(Caller caller, EventEndpointId id, Change change) {
        Optional<URI> url = change.url().map(this::url);
        return tx.inTransaction(() -> {
            EventEndpoint endpoint = lock(caller, id);
            boolean wasEnabled = endpoint.enabled();
            Instant now = Times.now(clock);
            endpoint.change(url, change.types(), change.enabled(), now);
            endpoints.update(endpoint);
            if (wasEnabled && !endpoint.enabled()) {
                // what waited is dead-lettered now, as when the endpoint is deleted: redeliverable once enabled
                deliveries.abandonWaiting(endpoint.id(), "the endpoint was disabled", now);
            }
            return endpoint;
        });
    }

    private EventEndpoint lock(Caller caller, EventEndpointId id) {
        return endpoints.lock(caller.accountId(), id).orElseThrow(() -> EventEndpoint.notFound(id.value()));
    }

    @Override
    public void delete(Caller caller, EventEndpointId id) {
        if (!endpoints.delete(caller.accountId(), id)) {
            throw EventEndpoint.notFound(id.value());
        }
    }

    @Override
    public WithSecret rotateSecret(Caller caller, EventEndpointId id) {
        return tx.inTransaction(() -> {
            EventEndpoint endpoint = lock(caller, id);
            String secret = endpoint.rotateSecret(secretOverlap, Times.now(clock));
            endpoints.update(endpoint);
            return new WithSecret(endpoint, secret);
        });
    }

    @Override
    public Page<EventDelivery> deliveries(Caller caller, EventEndpointId id, Optional<EventDelivery.Status> status,
                                          PageRequest page) {
        get(caller, id);
        return deliveries.list(caller.accountId(), id, status, page);
    }

    @Override
    public EventDelivery redeliver(Caller caller, EventEndpointId id, String eventId) {
        EventEndpoint endpoint = get(caller, id);
        AccountEvent event = (AccountEvent.isWellFormedId(eventId) ? events.find(caller.accountId(), eventId)
                : Optional.<AccountEvent>empty()).orElseThrow(() -> new DomainException(ErrorCode.EVENT_NOT_FOUND,
                "event " + eventId + " not found"));
        Instant now = Times.now(clock);
        EventDelivery delivery = EventDelivery.pending(caller.accountId(), endpoint.id(), event.id(), now);
        deliveries.insert(delivery);
        return delivery;
    }
}
