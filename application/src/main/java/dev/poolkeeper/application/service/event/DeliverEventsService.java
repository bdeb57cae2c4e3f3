package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.port.in.event.DeliverEventsUseCase;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.event.EventSink;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers events at least once. A claimed delivery is leased for {@code lease}, longer than one POST may
 * take; a worker that dies mid-delivery leaves it to be tried again after the lease. A try that fails is
 * retried after the backoff ({@link EventDelivery#BACKOFF}) until three days have passed, then the delivery
 * is dead-lettered. An endpoint every delivery of which failed for {@code disableAfter} is disabled, its
 * waiting deliveries end, and the account gets an {@code event_endpoint.disabled} event.
 */
public final class DeliverEventsService implements DeliverEventsUseCase {
    private static final int BATCH = 100;
    private static final int PER_ENDPOINT = 20;

    private final EventDeliveryRepository deliveries;
    private final EventEndpointRepository endpoints;
    private final EventRepository events;
    private final EventSink sink;
    private final Duration lease;
    private final Duration disableAfter;
    private final TransactionRunner tx;
    private final Clock clock;

    public DeliverEventsService(EventDeliveryRepository deliveries, EventEndpointRepository endpoints,
                                EventRepository events, EventSink sink, Duration lease, Duration disableAfter,
                                TransactionRunner tx, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.events = events;
        this.sink = sink;
        this.lease = lease;
        this.disableAfter = disableAfter;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<EventDelivery> claim() {
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> deliveries.claimDue(now, now.plus(lease), BATCH, PER_ENDPOINT));
    }

    @Override
    public void deliver(EventDelivery delivery) {
        Optional<EventEndpoint> endpoint = endpoints.find(delivery.accountId(), delivery.endpointId());
        Optional<AccountEvent> event = events.find(delivery.accountId(), delivery.eventId());
        if (endpoint.isEmpty() || !endpoint.get().enabled() || event.isEmpty()) {
            delivery.abandon(endpoint.isEmpty() ? "the endpoint was deleted" : event.isEmpty() ? "the event is gone"
                    : "the endpoint is disabled", Times.now(clock));
            deliveries.update(delivery);
            return;
        }
        EventSink.Result result = sink.post(delivery.url().orElse(endpoint.get().url()), event.get(), delivery.id(),
                endpoint.get().secrets().inForce(Times.now(clock)));
        Instant now = Times.now(clock);
        if (result instanceof EventSink.Delivered d && endpoint.get().failingSince().isEmpty()) {
            // the common case: nothing about the endpoint changes, so its row is not locked (a failure recorded
            // meanwhile by another delivery is cleared by the next success that reads it)
            delivery.succeeded(d.status(), now);
            deliveries.update(delivery);
            return;
        }
        tx.inTransaction(() -> {
            EventEndpoint current = endpoints.lock(delivery.accountId(), delivery.endpointId()).orElse(null);
            if (result instanceof EventSink.Delivered d) {
                delivery.succeeded(d.status(), now);
                if (current != null && current.delivered(now)) {
                    endpoints.update(current);
                }
            } else if (result instanceof EventSink.Failed f) {
                failed(delivery, current, f.status(), f.error(), now);
            } else if (result instanceof EventSink.Refused r) {
                failed(delivery, current, Optional.empty(), "not sent: " + r.why(), now);
            }
            deliveries.update(delivery);
            return null;
        });
    }

    private void failed(EventDelivery delivery, EventEndpoint endpoint, Optional<Integer> status, String error,
                        Instant now) {
        delivery.failed(status, error, now);
        if (endpoint == null) {
            return;
        }
        boolean wasFailing = endpoint.failingSince().isPresent();
        boolean disabled = endpoint.failed(now, disableAfter);
        if (disabled) {
            deliveries.abandonWaiting(endpoint.id(), "the endpoint was disabled", now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", endpoint.id().value());
            data.put("url", endpoint.url().toString());
            data.put("disabled_reason", endpoint.disabledReason().orElse(""));
            events.append(AccountEvent.of(endpoint.accountId(), EventType.EVENT_ENDPOINT_DISABLED, now,
                    Map.of("event_endpoint", data)));
        }
        if (disabled || !wasFailing) {
            endpoints.update(endpoint);
        }
    }
}
