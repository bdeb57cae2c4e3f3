package dev.poolkeeper.application.service.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendPacingTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);

    @Test
    void sendsOfOneNumberGoOutNoCloserThanItsShapedSpacingWhateverTheirTokensSaid() {
        List<Long> waits = new ArrayList<>();
        SendPacing pacing = new SendPacing(new SendBudgets(SendBudgets.carrierDefaults(), clock), clock, waits::add);
        PhoneNumber tollFree = PhoneNumber.parse("+18005550100");
        PhoneNumber longCode = PhoneNumber.parse("+14155550100");
        for (int i = 0; i < 3; i++) {
            pacing.awaitSlot(tollFree, NumberType.TOLL_FREE); // three at the same instant: 0, 52, 104 ms
        }
        pacing.awaitSlot(longCode, NumberType.LONG_CODE);
        pacing.awaitSlot(longCode, NumberType.LONG_CODE);
        assertEquals(List.of(52L, 104L, 1021L), waits, "20/s at 98 %: 51.02 ms, rounded up; 1/s: 1020.4 ms");
    }
}
