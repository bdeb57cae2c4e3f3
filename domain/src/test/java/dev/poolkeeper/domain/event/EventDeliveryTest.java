package dev.poolkeeper.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.account.AccountId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final AccountId ACCOUNT = new AccountId("acct_a");

    @Test
    void aFailingDeliveryIsRetriedOnTheBackoffScheduleAndDeadAfterThreeDays() {
        EventDelivery d = EventDelivery.pending(ACCOUNT, EventEndpointId.newId(T0), "evt_x", T0);
        List<Duration> waits = new ArrayList<>();
        Instant now = T0;
        while (true) {
            d.failed(Optional.of(503), "the endpoint answered 503", now);
            if (d.status() == EventDelivery.Status.DEAD) {
                break;
            }
            assertEquals(EventDelivery.Status.RETRYING, d.status());
            waits.add(Duration.between(now, d.nextAttemptAt().orElseThrow()));
            now = d.nextAttemptAt().orElseThrow();
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10)), waits.subList(0, 4));
        assertTrue(now.isBefore(T0.plus(EventDelivery.GIVE_UP_AFTER)), "never tried after three days");
        assertTrue(now.plus(Duration.ofHours(8)).isAfter(T0.plus(EventDelivery.GIVE_UP_AFTER)),
                "and not given up while a try still fits: " + now);
        assertEquals(Optional.empty(), d.nextAttemptAt());
        assertEquals(Optional.of(503), d.lastStatusCode());
    }

    @Test
    void anEndpointFailingForADayIsDisabledOnceAndEnablingItStartsAfresh() {
        EventEndpoint e = EventEndpoint.create(ACCOUNT, URI.create("https://app.example.com/hooks"),
                Set.of(EventType.MESSAGE_DELIVERED), true, T0);
        assertTrue(e.wants(EventType.MESSAGE_DELIVERED));
        assertFalse(e.wants(EventType.MESSAGE_SENT), "only the types it named");
        assertFalse(e.failed(T0, Duration.ofDays(1)));
        assertFalse(e.failed(T0.plus(Duration.ofHours(23)), Duration.ofDays(1)));
        assertTrue(e.failed(T0.plus(Duration.ofDays(1)), Duration.ofDays(1)), "disabled a day after its first failure");
        assertFalse(e.enabled());
        assertFalse(e.wants(EventType.MESSAGE_DELIVERED), "a disabled endpoint gets nothing");
        assertFalse(e.failed(T0.plus(Duration.ofDays(2)), Duration.ofDays(1)), "disabled once");
        e.change(Optional.empty(), Optional.empty(), Optional.of(true), T0.plus(Duration.ofDays(3)));
        assertTrue(e.enabled());
        assertEquals(Optional.empty(), e.failingSince());
        assertEquals(Optional.empty(), e.disabledReason());
        assertFalse(e.failed(T0.plus(Duration.ofDays(3)), Duration.ofDays(1)), "judged afresh");
        assertTrue(e.delivered(T0.plus(Duration.ofDays(3))));
        assertEquals(Optional.empty(), e.failingSince(), "a success ends the failing spell");
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOneUntilItsOverlapEnds() {
        EventEndpoint e = EventEndpoint.create(ACCOUNT, URI.create("https://app.example.com/hooks"), Set.of(), true,
                T0);
        String old = e.secrets().current();
        String fresh = e.rotateSecret(Duration.ofHours(24), T0);
        assertEquals(List.of(fresh, old), e.secrets().inForce(T0.plus(Duration.ofHours(23))));
        assertEquals(List.of(fresh), e.secrets().inForce(T0.plus(Duration.ofHours(24))));
        assertTrue(fresh.startsWith(SigningSecrets.PREFIX) && fresh.length() > 40);
        assertFalse(e.secrets().toString().contains(fresh), "never printed");
    }
}
