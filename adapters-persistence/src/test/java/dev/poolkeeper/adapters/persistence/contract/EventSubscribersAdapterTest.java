package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolkeeper.adapters.persistence.testing.TestDatabase;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventType;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which endpoints an event is given deliveries to, with instances that remember each account's endpoints:
 * three instances on one real database, two remembering for a minute and one for a fifth of a second.
 */
class EventSubscribersAdapterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static ApplicationContext here;
    private static ApplicationContext elsewhere;
    private static ApplicationContext shortLived;

    @BeforeAll
    static void start() {
        TestDatabase.Connection db = TestDatabase.freshSchema();
        here = instance(db, "PT1M");
        elsewhere = instance(db, "PT1M");
        shortLived = instance(db, "PT0.2S");
    }

    private static ApplicationContext instance(TestDatabase.Connection db, String ttl) {
        Map<String, Object> properties = new HashMap<>(db.properties());
        properties.put("poolkeeper.secrets.keys", "test-1:KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=");
        properties.put("poolkeeper.events.subscribers-cache-ttl", ttl);
        return ApplicationContext.run(properties);
    }

    @AfterAll
    static void stop() {
        List.of(here, elsewhere, shortLived).forEach(ApplicationContext::close);
    }

    private static AccountEvent written(ApplicationContext instance, AccountId account) {
        AccountEvent event = AccountEvent.of(account, EventType.MESSAGE_QUEUED, NOW, Map.of("message", Map.of()));
        instance.getBean(EventRepository.class).append(event);
        return event;
    }

    @Test
    void anEndpointChangedOnAnInstanceCountsForItsNextEventThereAndElsewhereOnceWhatThatInstanceRemembersExpires()
            throws InterruptedException {
        AccountId account = AccountId.newId(NOW);
        // every instance writes an event first, so that each remembers the account without endpoints
        for (ApplicationContext instance : List.of(here, elsewhere, shortLived)) {
            written(instance, account);
        }
        EventEndpointRepository endpoints = here.getBean(EventEndpointRepository.class);
        EventEndpoint endpoint = EventEndpoint.create(account, URI.create("https://hooks.example.com/a"), Set.of(),
                true, NOW);
        endpoints.insert(endpoint);

        AccountEvent afterCreationHere = written(here, account);
        written(elsewhere, account);
        Thread.sleep(300);
        AccountEvent afterExpiry = written(shortLived, account);

        endpoint.change(Optional.empty(), Optional.empty(), Optional.of(false), NOW);
        endpoints.update(endpoint);
        written(here, account);

        EventEndpoint other = EventEndpoint.create(account, URI.create("https://hooks.example.com/b"),
                Set.of(EventType.MESSAGE_QUEUED), true, NOW);
        endpoints.insert(other);
        AccountEvent last = written(here, account);

        List<EventDelivery> made = here.getBean(EventDeliveryRepository.class).list(account, endpoint.id(),
                Optional.empty(), PageRequest.first(PageRequest.MAX_SIZE)).items();
        assertEquals(Set.of(afterCreationHere.id(), afterExpiry.id()),
                made.stream().map(EventDelivery::eventId).collect(Collectors.toSet()),
                "the instance that created the endpoint gives its next event a delivery; the one that remembers"
                        + " the account for a minute does not; the one that remembers it for 0.2 s does 0.3 s later;"
                        + " once disabled on this instance, none");
        assertEquals(List.of(last.id()), here.getBean(EventDeliveryRepository.class).list(account, other.id(),
                Optional.empty(), PageRequest.first(PageRequest.MAX_SIZE)).items().stream().map(EventDelivery::eventId)
                .toList(), "a second endpoint created here: the next event written here");
    }
}
