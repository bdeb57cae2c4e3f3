package dev.poolkeeper.application.service.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.selection.Candidate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendBudgetsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);

    private static Candidate longCode(String number) {
        return Candidate.of(new PoolMember(PhoneNumber.parse(number), Provider.TELNYX, NumberType.LONG_CODE, "US",
                null, false, 1, NumberHealth.UNKNOWN, Instant.EPOCH));
    }

    private static int taken(SendBudgets budgets, Candidate c) {
        int n = 0;
        while (n < 1000 && budgets.tryTake(c)) {
            n++;
        }
        return n;
    }

    @Test
    void aNumberOfItsOwnRateOverridesItsTypesRate() {
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(),
                SendBudgets.parsePerNumber(" +14155550100=5 , +14155550101=2"), clock);
        assertEquals(5, taken(budgets, longCode("+14155550100")));
        assertEquals(2, taken(budgets, longCode("+14155550101")));
        assertEquals(1, taken(budgets, longCode("+14155550102")), "the long-code default is 1 a second");
    }

    @Test
    void aDryRunTakesNothing() {
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), clock);
        Candidate c = longCode("+14155550100");
        assertTrue(budgets.hasCapacity(c));
        assertTrue(budgets.hasCapacity(c));
        assertTrue(budgets.tryTake(c));
        assertFalse(budgets.hasCapacity(c));
    }

    @Test
    void aMalformedEntryIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendBudgets.parsePerNumber("+14155550100=fast"));
        assertTrue(e.getMessage().contains("+14155550100=fast"));
        assertThrows(IllegalArgumentException.class, () -> new SendBudgets(Map.of(NumberType.LONG_CODE, 0.0), clock));
    }
}
