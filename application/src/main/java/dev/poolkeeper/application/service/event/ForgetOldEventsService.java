package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.port.in.event.ForgetOldEventsUseCase;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Events past {@code retention} are forgotten, a batch per unit of work. */
public final class ForgetOldEventsService implements ForgetOldEventsUseCase {
    private static final int BATCH = 1_000;

    private final EventRepository events;
    private final Duration retention;
    private final Clock clock;

    /** @param retention longer than a delivery is retried ({@link EventDelivery#GIVE_UP_AFTER}) and a day more */
    public ForgetOldEventsService(EventRepository events, Duration retention, Clock clock) {
        Duration least = EventDelivery.GIVE_UP_AFTER.plusDays(1);
        if (retention.compareTo(least) < 0) {
            throw new IllegalArgumentException("events must be kept at least " + least + " (longer than their"
                    + " deliveries are retried), not " + retention);
        }
        this.events = events;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int forgetOldEvents() {
        Instant before = Times.now(clock).minus(retention);
        int total = 0;
        for (int n = events.forgetBefore(before, BATCH); n > 0; n = events.forgetBefore(before, BATCH)) {
            total += n;
        }
        return total;
    }
}
