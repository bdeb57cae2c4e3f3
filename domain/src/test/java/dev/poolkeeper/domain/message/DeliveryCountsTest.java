package dev.poolkeeper.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolkeeper.domain.event.DeliveryBacklog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A pool's day of receipts and an endpoint's backlog: the sums the console shows. */
class DeliveryCountsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void aDaysShareIsDeliveredOverAllFinalReceiptsAndEmptyWithoutAny() {
        assertEquals(OptionalDouble.of(0.75), new DeliveryDay(DAY, 3, 1).deliveredShare());
        assertEquals(4, new DeliveryDay(DAY, 3, 1).receipts());
        assertEquals(OptionalDouble.empty(), DeliveryDay.none(DAY).deliveredShare());
        assertThrows(IllegalArgumentException.class, () -> new DeliveryDay(DAY, -1, 0));
    }

    @Test
    void backlogsAddUpAndKeepTheOlderOldest() {
        Instant early = Instant.parse("2026-11-30T10:00:00Z");
        Instant late = early.plusSeconds(60);
        DeliveryBacklog waiting = new DeliveryBacklog(2, Optional.of(late), 0);
        DeliveryBacklog retrying = new DeliveryBacklog(1, Optional.of(early), 0);
        DeliveryBacklog dead = new DeliveryBacklog(0, Optional.empty(), 4);
        assertEquals(new DeliveryBacklog(3, Optional.of(early), 4), waiting.plus(dead).plus(retrying));
        assertEquals(new DeliveryBacklog(3, Optional.of(early), 0), retrying.plus(waiting));
        assertEquals(dead, DeliveryBacklog.NONE.plus(dead));
    }
}
