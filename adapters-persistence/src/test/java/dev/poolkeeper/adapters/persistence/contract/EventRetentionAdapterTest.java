package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events past their retention are forgotten on the real database, unless a delivery of theirs still waits. */
class EventRetentionAdapterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    @Test
    void anOldEventGoesWithItsSettledDeliveriesAndOneWithAWaitingDeliveryStays() {
        EventRepository events = DB.bean(EventRepository.class);
        EventDeliveryRepository deliveries = DB.bean(EventDeliveryRepository.class);
        AccountId account = AccountId.newId(NOW);
        EventEndpointId endpoint = EventEndpointId.newId(NOW);
        Instant old = NOW.minus(Duration.ofDays(40));
        AccountEvent settled = AccountEvent.of(account, EventType.MESSAGE_SENT, old, Map.of("message", Map.of()));
        AccountEvent waiting = AccountEvent.of(account, EventType.MESSAGE_SENT, old, Map.of("message", Map.of()));
        AccountEvent recent = AccountEvent.of(account, EventType.MESSAGE_SENT, NOW, Map.of("message", Map.of()));
        events.append(settled);
        events.append(waiting);
        events.append(recent);
        EventDelivery done = EventDelivery.pending(account, endpoint, settled.id(), old);
        done.succeeded(200, old);
        deliveries.insert(done);
        deliveries.insert(EventDelivery.pending(account, endpoint, waiting.id(), old));

        assertEquals(1, events.forgetBefore(NOW.minus(Duration.ofDays(30)), 100));
        assertEquals(Optional.empty(), events.find(account, settled.id()));
        assertTrue(events.find(account, waiting.id()).isPresent(), "its delivery still waits");
        assertTrue(events.find(account, recent.id()).isPresent());
        assertEquals(1, deliveries.list(account, endpoint, Optional.empty(),
                dev.poolkeeper.application.paging.PageRequest.first(10)).items().size(), "the settled delivery went too");
        assertEquals(0, events.forgetBefore(NOW.minus(Duration.ofDays(30)), 100), "nothing more to forget");
    }
}
