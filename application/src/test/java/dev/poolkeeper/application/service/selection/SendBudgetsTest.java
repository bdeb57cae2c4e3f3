package dev.poolkeeper.application.service.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemorySendBudget;
import dev.poolkeeper.application.fakes.MovableClock;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Candidate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
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
                SendBudgets.parsePerNumber(" +14155550100=5 , +14155550101=2"), Optional.empty(),
                SendBudgets.Sharing.LOCAL, clock);
        assertEquals(5.0, budgets.rate(PhoneNumber.parse("+14155550100"), NumberType.LONG_CODE));
        assertEquals(2.0, budgets.rate(PhoneNumber.parse("+14155550101"), NumberType.LONG_CODE));
        assertEquals(1.0, budgets.rate(PhoneNumber.parse("+14155550102"), NumberType.LONG_CODE),
                "the long-code default is 1 a second");
        assertEquals(20.0, budgets.rate(PhoneNumber.parse("+14155550102"), NumberType.TOLL_FREE));
    }

    @Test
    void aNumberIsGivenItsRateOverTimeAndLosesNoneOfItWhenAskedLate() {
        MovableClock time = new MovableClock(clock.instant());
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(), Optional.empty(),
                SendBudgets.Sharing.LOCAL, time);
        Candidate tollFree = Candidate.of(new PoolMember(PhoneNumber.parse("+18005550100"), Provider.TELNYX,
                NumberType.TOLL_FREE, "US", null, false, 1, NumberHealth.UNKNOWN, Instant.EPOCH));
        java.util.List<Long> sentAt = new java.util.ArrayList<>();
        long start = time.millis();
        for (int ms = 0; ms <= 60_000; ms += 7) { // a dispatcher looking every 7 ms, for a minute
            time.advanceMillis(7);
            while (budgets.tryTake(tollFree)) {
                sentAt.add(time.millis() - start);
            }
        }
        // within a second the bucket allows its burst (a quarter second's worth) on top of the rate; the sends
        // themselves are spaced by SendPacing (SendPacingTest)
        for (int i = 25; i < sentAt.size(); i++) {
            assertTrue(sentAt.get(i) - sentAt.get(i - 25) >= 1000, "26 tokens within one second, ending at "
                    + sentAt.get(i) + " ms");
        }
        assertTrue(sentAt.size() >= 0.97 * 20 * 60, "at least 97 % of 20/s over a minute: " + sentAt.size());
        assertTrue(sentAt.size() <= 0.98 * 20 * 60 + 6, "no more than 98 % of it, and the first burst: "
                + sentAt.size());
    }

    @Test
    void aBurstAfterIdleTimeIsAQuarterOfASecondsWorthNotASecondsWorth() {
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), clock);
        Candidate tollFree = Candidate.of(new PoolMember(PhoneNumber.parse("+18005550100"), Provider.TELNYX,
                NumberType.TOLL_FREE, "US", null, false, 1, NumberHealth.UNKNOWN, Instant.EPOCH));
        assertEquals(5, taken(budgets, tollFree), "a full bucket holds one message and 250 ms of refill: 1 + 4.9");
        assertEquals(1, taken(budgets, Candidate.of(new PoolMember(PhoneNumber.parse("+14155550100"), Provider.TELNYX,
                NumberType.LONG_CODE, "US", null, false, 1, NumberHealth.UNKNOWN, Instant.EPOCH))),
                "a long code: one message and a quarter of the next");
    }

    @Test
    void aTokenOfASendThatNeverLeftIsGivenBackHereAndInTheSharedBucket() {
        dev.poolkeeper.application.fakes.InMemorySendBudget shared = new dev.poolkeeper.application.fakes.InMemorySendBudget();
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(), Optional.of(shared),
                SendBudgets.Sharing.SHARED, clock);
        Candidate c = longCode("+14155550100");
        assertTrue(budgets.tryTake(c));
        assertFalse(budgets.hasCapacity(c));
        budgets.giveBack(c.number());
        assertTrue(budgets.tryTake(c), "local and shared buckets both hold the token again");
        assertFalse(budgets.tryTake(c));
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

    @Test
    void twoInstancesSharingTheBudgetGiveANumberItsRateOnceAndAskAgainOnlyAfterTheRefill() {
        InMemorySendBudget shared = new InMemorySendBudget();
        MovableClock time = new MovableClock(clock.instant());
        SendBudgets first = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(), Optional.of(shared),
                SendBudgets.Sharing.SHARED, time);
        SendBudgets second = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(), Optional.of(shared),
                SendBudgets.Sharing.SHARED, time);
        Candidate c = longCode("+14155550100");
        assertTrue(first.tryTake(c));
        assertFalse(second.tryTake(c), "the second instance sees the first one's send");
        assertEquals(2, shared.asked);
        assertFalse(second.tryTake(c));
        assertFalse(second.tryTake(c));
        assertEquals(2, shared.asked, "told no, an instance stops asking until the number's refill time");
        time.advanceMillis(1021);
        assertTrue(second.tryTake(c));
        assertFalse(first.tryTake(c));
        assertEquals(4, shared.asked);
        int sent = 0;
        for (int ms = 0; ms < 10_000; ms += 50) {
            time.advanceMillis(50);
            sent += (first.tryTake(c) ? 1 : 0) + (second.tryTake(c) ? 1 : 0);
        }
        assertEquals(9, sent, "10 seconds at 98 % of 1 a second, whichever instance sends");
    }

    @Test
    void inAutoModeTheSharedBudgetIsAskedOnlyWhileAnotherInstanceIsAlive() {
        InMemorySendBudget shared = new InMemorySendBudget();
        MovableClock time = new MovableClock(clock.instant());
        SendBudgets budgets = new SendBudgets(SendBudgets.carrierDefaults(), Map.of(), Optional.of(shared),
                SendBudgets.Sharing.AUTO, time);
        Candidate c = longCode("+14155550100");
        assertTrue(budgets.tryTake(c));
        assertEquals(0, shared.asked, "alone: this instance's bucket is the whole truth");
        budgets.instancesAlive(2);
        time.advanceMillis(1021);
        assertTrue(budgets.tryTake(c));
        assertEquals(1, shared.asked, "with another instance alive, the shared bucket decides");
        budgets.instancesAlive(1);
        time.advanceMillis(1021);
        assertTrue(budgets.tryTake(c));
        assertEquals(1, shared.asked);
        assertThrows(IllegalArgumentException.class, () -> new SendBudgets(SendBudgets.carrierDefaults(), Map.of(),
                Optional.empty(), SendBudgets.Sharing.AUTO, time), "auto needs a shared budget to turn to");
    }
}
