package dev.poolkeeper.application.service.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.MovableClock;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendPacingTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void sendsOfOneNumberGoOutNoCloserThanItsShapedSpacingWhateverTheirTokensSaid() {
        List<Long> waits = new ArrayList<>();
        SendPacing pacing = new SendPacing(new SendBudgets(SendBudgets.carrierDefaults(), clock), clock, waits::add);
        PhoneNumber tollFree = PhoneNumber.parse("+18005550100");
        PhoneNumber longCode = PhoneNumber.parse("+14155550100");
        for (int i = 0; i < 3; i++) {
            pacing.awaitSlot(tollFree, NumberType.TOLL_FREE).returned(); // three at one instant: 0, 52, 104 ms
        }
        pacing.awaitSlot(longCode, NumberType.LONG_CODE).returned();
        pacing.awaitSlot(longCode, NumberType.LONG_CODE).returned();
        assertEquals(List.of(52L, 104L, 1021L), waits, "20/s at 98 %: 51.02 ms, rounded up; 1/s: 1020.4 ms");
    }

    /** A clock that the sleeper moves: every wait passes exactly, the sends' own round trips are added by hand. */
    private static final class Timeline {
        final MovableClock clock = new MovableClock(T0);
        final List<Long> starts = new ArrayList<>();

        SendPacing pacing(Map<NumberType, Double> rates) {
            return new SendPacing(new SendBudgets(rates, clock), clock, ms -> clock.advance(Duration.ofMillis(ms)));
        }
    }

    @Test
    void aSendThatReturnedLateHoldsTheNextOneASecondAfterItsReturnSoTheProviderNeverSeesTwoInASecond() {
        Timeline t = new Timeline();
        SendPacing pacing = t.pacing(Map.of(NumberType.LONG_CODE, 1.0));
        PhoneNumber number = PhoneNumber.parse("+14155550100");
        SendPacing.Slot first = pacing.awaitSlot(number, NumberType.LONG_CODE);
        long firstStart = t.clock.millis();
        t.clock.advance(Duration.ofMillis(300)); // its request took 300 ms: the provider saw it up to then
        first.returned();
        pacing.awaitSlot(number, NumberType.LONG_CODE).returned();
        assertEquals(1300, t.clock.millis() - firstStart, "a second after the first returned, not 1,021 ms after it"
                + " started");
    }

    @Test
    void atTwentyASecondOnlyTheTwentiethSendBackIsWaitedForSoTheRoundTripCostsLittle() {
        Timeline t = new Timeline();
        SendPacing pacing = t.pacing(Map.of(NumberType.TOLL_FREE, 20.0));
        PhoneNumber number = PhoneNumber.parse("+18005550100");
        for (int i = 0; i < 60; i++) {
            SendPacing.Slot slot = pacing.awaitSlot(number, NumberType.TOLL_FREE);
            t.starts.add(t.clock.millis());
            t.clock.advance(Duration.ofMillis(30)); // every request takes 30 ms, and the next waits for none
            slot.returned();
        }
        for (int i = 20; i < t.starts.size(); i++) {
            assertTrue(t.starts.get(i) - t.starts.get(i - 20) >= 1000, "21 sends within a second at " + i);
        }
        long span = t.starts.get(59) - t.starts.get(0);
        assertTrue(span <= 59 * 52 + 60, "paced at its spacing, not slowed by each round trip: " + span + " ms");
    }

    @Test
    void aNumberIsReadyForAnotherClaimOnlyWhenItsWindowIsNotWaitingOnASendOnItsWay() {
        Timeline t = new Timeline();
        SendPacing pacing = t.pacing(Map.of(NumberType.LONG_CODE, 1.0, NumberType.TOLL_FREE, 20.0));
        PhoneNumber longCode = PhoneNumber.parse("+14155550100");
        assertTrue(pacing.ready(longCode, NumberType.LONG_CODE), "never sent");
        SendPacing.Slot slot = pacing.awaitSlot(longCode, NumberType.LONG_CODE);
        t.clock.advance(Duration.ofMillis(2000)); // a provider two seconds away
        assertTrue(!pacing.ready(longCode, NumberType.LONG_CODE), "its one send a second is still on its way");
        slot.returned();
        assertTrue(pacing.ready(longCode, NumberType.LONG_CODE), "back: its next slot is a second from now");

        PhoneNumber tollFree = PhoneNumber.parse("+18005550100");
        List<SendPacing.Slot> inFlight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inFlight.add(pacing.awaitSlot(tollFree, NumberType.TOLL_FREE));
            assertTrue(i == 19 || pacing.ready(tollFree, NumberType.TOLL_FREE), "room in its window at " + i);
        }
        assertTrue(!pacing.ready(tollFree, NumberType.TOLL_FREE), "twenty on their way: the window waits");
        inFlight.get(0).returned();
        t.clock.advance(Duration.ofMillis(1000));
        assertTrue(pacing.ready(tollFree, NumberType.TOLL_FREE));
    }

    @Test
    void sendsInFlightTogetherStillKeepTheWindowAndALostReturnHoldsTheNumberOnlySoLong() throws Exception {
        Timeline t = new Timeline();
        SendPacing pacing = t.pacing(Map.of(NumberType.LONG_CODE, 1.0));
        PhoneNumber number = PhoneNumber.parse("+14155550100");
        SendPacing.Slot inFlight = pacing.awaitSlot(number, NumberType.LONG_CODE);
        CompletableFuture<Long> next = CompletableFuture.supplyAsync(() -> {
            pacing.awaitSlot(number, NumberType.LONG_CODE).returned();
            return t.clock.millis();
        });
        Thread.sleep(100);
        assertTrue(!next.isDone(), "the next send waits for the one on its way");
        t.clock.advance(Duration.ofMillis(500));
        inFlight.returned();
        assertEquals(T0.toEpochMilli() + 1500, next.get(5, TimeUnit.SECONDS));

        pacing.awaitSlot(number, NumberType.LONG_CODE); // never reported
        t.clock.advance(Duration.ofMillis(SendPacing.LOST_SLOT_MILLIS));
        assertTrue(CompletableFuture.supplyAsync(() -> {
            pacing.awaitSlot(number, NumberType.LONG_CODE).returned();
            return true;
        }).get(5, TimeUnit.SECONDS), "a slot never reported is given up on");
    }
}
