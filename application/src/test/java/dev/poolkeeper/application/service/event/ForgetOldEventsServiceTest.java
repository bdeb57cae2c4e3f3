package dev.poolkeeper.application.service.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolkeeper.application.fakes.InMemoryEvents;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForgetOldEventsServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void eventsPastTheRetentionAreForgottenInBatchesAndNoRetentionShorterThanTheRetriesIsTaken() {
        InMemoryEvents events = new InMemoryEvents();
        for (int i = 0; i < 2_500; i++) {
            events.append(AccountEvent.of(new AccountId("acct_a"), EventType.MESSAGE_SENT, NOW.minus(Duration.ofDays(31)),
                    Map.of()));
        }
        events.append(AccountEvent.of(new AccountId("acct_a"), EventType.MESSAGE_SENT, NOW.minus(Duration.ofDays(29)),
                Map.of()));
        assertEquals(2_500, new ForgetOldEventsService(events, Duration.ofDays(30), clock).forgetOldEvents());
        assertEquals(1, events.appended.size());
        assertThrows(IllegalArgumentException.class, () -> new ForgetOldEventsService(events, Duration.ofDays(3),
                clock), "a delivery is retried for three days: its event must outlive that");
    }
}
