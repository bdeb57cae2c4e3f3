package dev.poolkeeper.application.port.in.event;

import dev.poolkeeper.domain.event.EventDelivery;
import java.util.List;

/**
 * The delivery workers' work: {@link #claim()} leases due deliveries (a few per endpoint), {@link #deliver}
 * POSTs one and records how it went: delivered, retried with backoff, dead-lettered after three days; an
 * endpoint failing for a day is disabled with an {@code event_endpoint.disabled} event.
 */
public interface DeliverEventsUseCase {
    List<EventDelivery> claim();

    void deliver(EventDelivery delivery);
}
