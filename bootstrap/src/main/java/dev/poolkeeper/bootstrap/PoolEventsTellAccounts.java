package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.service.event.PoolEventsToAccountEvents;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Every pool history written anywhere also tells the account's application what it must know (health,
 * failed syncs, drift, canary inboxes): the history bean is wrapped once, where it is made.
 */
@Singleton
final class PoolEventsTellAccounts implements BeanCreatedEventListener<PoolEventRepository> {
    private final BeanProvider<EventRepository> events;

    PoolEventsTellAccounts(BeanProvider<EventRepository> events) {
        this.events = events;
    }

    @Override
    public PoolEventRepository onCreated(BeanCreatedEvent<PoolEventRepository> event) {
        PoolEventRepository history = event.getBean();
        return history instanceof PoolEventsToAccountEvents ? history
                : new PoolEventsToAccountEvents(history, events.get());
    }
}
