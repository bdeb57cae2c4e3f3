package dev.poolkeeper.domain.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.CustomFrom;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SenderSelectorTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Predicate<Candidate> UNLIMITED = c -> true;

    private static PoolMember member(String number, NumberType type, int weight, NumberHealth health) {
        PhoneNumber n = PhoneNumber.parse(number);
        return new PoolMember(n, Provider.TELNYX, type, n.country(), new CampaignId("C1"), true, weight, health, NOW);
    }

    private static PoolMember longCode(String number) {
        return member(number, NumberType.LONG_CODE, 1, NumberHealth.HEALTHY);
    }

    private static PoolSettings settings(Fallback fallback, boolean geomatch, boolean localized, boolean sticky,
                                         int longCodeWeight, int tollFreeWeight, boolean skipUnhealthy) {
        return new PoolSettings(fallback, fallback == Fallback.CUSTOM_FROM ? new CustomFrom("ACME") : null,
                localized, geomatch, sticky, 30, longCodeWeight, tollFreeWeight, skipUnhealthy, false, false, null,
                false, false);
    }

    private static PoolSettings plain() {
        return settings(Fallback.POOL, false, false, false, 1, 1, false);
    }

    private static Decision select(PoolSettings s, PoolIndex index, String to) {
        return SenderSelector.select(new SelectionRequest(s, index, PhoneNumber.parse(to), false, Optional.empty(),
                UNLIMITED, NOW));
    }

    @Test
    void theTraceNamesThePickedNumberAndItsWeightAsTheSelectionMadeIt() {
        PoolIndex index = PoolIndex.of(List.of(member("+14155550100", NumberType.LONG_CODE, 3, NumberHealth.HEALTHY),
                member("+442071838750", NumberType.LONG_CODE, 2, NumberHealth.HEALTHY)));
        for (int i = 0; i < 5; i++) {
            Decision.Selected d = assertInstanceOf(Decision.Selected.class, select(plain(), index, "+12125550100"));
            String picked = d.sender().number().e164();
            assertEquals("the whole pool: " + picked + " (long_code, weight " + d.sender().weight() + ")",
                    d.trace().get(d.trace().size() - 1).note());
        }
    }

    private static List<PoolMember> mixed(int longCodes, int tollFree) {
        List<PoolMember> members = new ArrayList<>();
        for (int i = 0; i < longCodes; i++) {
            members.add(longCode(String.format("+1415%03d%04d", 200 + i / 10_000, i % 10_000)));
        }
        for (int i = 0; i < tollFree; i++) {
            members.add(member(String.format("+1800555%04d", i), NumberType.TOLL_FREE, 1, NumberHealth.HEALTHY));
        }
        return members;
    }

    @Test
    void sixtyThousandPicksAtFiveToOneLandWithinOnePointOfFiveSixths() {
        PoolIndex index = PoolIndex.of(mixed(40, 40));
        PoolSettings s = settings(Fallback.POOL, false, false, false, 5, 1, false);
        int longCodes = 0;
        for (int i = 0; i < 60_000; i++) {
            Decision.Selected d = (Decision.Selected) select(s, index, "+12125550100");
            if (d.sender().type() == NumberType.LONG_CODE) {
                longCodes++;
            }
            assertEquals(Reason.WEIGHTED, d.reason());
        }
        double share = longCodes / 60_000.0;
        assertTrue(Math.abs(share - 5.0 / 6.0) < 0.01, "long-code share " + share);
    }

    @Test
    void numbersOfOneTypeShareTheLoadInProportionToTheirWeightAndEveryNumberSendsInEveryCycle() {
        PoolIndex index = PoolIndex.of(List.of(member("+14155550100", NumberType.LONG_CODE, 3, NumberHealth.HEALTHY),
                longCode("+14155550101"), longCode("+14155550102")));
        Map<String, Integer> counts = new HashMap<>();
        List<String> sequence = new ArrayList<>();
        String previous = null;
        int run = 0;
        int longestRun = 0;
        for (int i = 0; i < 5_000; i++) {
            String from = ((Decision.Selected) select(plain(), index, "+12125550100")).sender().number().e164();
            counts.merge(from, 1, Integer::sum);
            sequence.add(from);
            run = from.equals(previous) ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
            previous = from;
        }
        assertEquals(3_000, counts.get("+14155550100"));
        assertEquals(1_000, counts.get("+14155550101"));
        assertEquals(1_000, counts.get("+14155550102"));
        assertTrue(longestRun <= 3, "a number never sends more than its weight in a row: run " + longestRun);
        for (int cycle = 0; cycle + 5 <= sequence.size(); cycle += 5) {
            assertEquals(3, new HashSet<>(sequence.subList(cycle, cycle + 5)).size(), "cycle at " + cycle);
        }
    }

    @Test
    void aTypeWithWeightZeroIsNeverPickedAndAPoolOfOnlyThatTypeHasNoEligibleNumber() {
        PoolIndex index = PoolIndex.of(mixed(3, 3));
        PoolSettings noTollFree = settings(Fallback.POOL, false, false, false, 1, 0, false);
        for (int i = 0; i < 100; i++) {
            assertEquals(NumberType.LONG_CODE,
                    ((Decision.Selected) select(noTollFree, index, "+12125550100")).sender().type());
        }
        Decision d = select(settings(Fallback.POOL, false, false, false, 0, 1, false), PoolIndex.of(mixed(3, 0)),
                "+12125550100");
        assertEquals(ErrorCode.SELECTION_NO_HEALTHY_NUMBER, ((Decision.Refused) d).code());
        assertEquals(ErrorCode.SELECTION_EMPTY_POOL,
                ((Decision.Refused) select(plain(), PoolIndex.of(List.of()), "+12125550100")).code());
    }

    @Test
    void aThousandRecipientsTimesTenMessagesAlwaysGetTheirFirstSenderBack() {
        PoolIndex index = PoolIndex.of(mixed(50, 10));
        PoolSettings s = settings(Fallback.POOL, false, false, true, 1, 1, true);
        Map<PhoneNumber, StickyMapping> mappings = new HashMap<>();
        Map<PhoneNumber, PhoneNumber> first = new HashMap<>();
        for (int round = 0; round < 10; round++) {
            for (int r = 0; r < 1_000; r++) {
                PhoneNumber to = PhoneNumber.parse(String.format("+1212555%04d", r));
                Decision.Selected d = (Decision.Selected) SenderSelector.select(new SelectionRequest(s, index, to,
                        false, Optional.ofNullable(mappings.get(to)), UNLIMITED, NOW.plusSeconds(round)));
                apply(mappings, to, d, NOW.plusSeconds(round));
                first.putIfAbsent(to, d.sender().number());
                assertEquals(first.get(to), d.sender().number());
                assertEquals(round == 0 ? Reason.WEIGHTED : Reason.STICKY, d.reason());
            }
        }
        assertTrue(new HashSet<>(first.values()).size() > 50, "first senders are spread over the pool");
    }

    private static void apply(Map<PhoneNumber, StickyMapping> mappings, PhoneNumber to, Decision.Selected d,
                              Instant at) {
        switch (d.sticky()) {
            case CREATE, REPLACE -> mappings.put(to, new StickyMapping(to, d.sender().number(), at, at));
            case TOUCH -> mappings.computeIfPresent(to, (k, m) -> new StickyMapping(to, m.sender(), m.createdAt(), at));
            case NONE -> { }
        }
    }

    @Test
    void aStickyNumberThatTurnsUnhealthyIsReplacedAndTheNewMappingSticks() {
        PoolMember a = longCode("+14155550100");
        PoolMember b = longCode("+14155550101");
        PoolSettings s = settings(Fallback.POOL, false, false, true, 1, 1, true);
        PhoneNumber to = PhoneNumber.parse("+12125550100");
        StickyMapping onA = new StickyMapping(to, a.number(), NOW, NOW);
        PoolIndex aUnhealthy = PoolIndex.of(List.of(member("+14155550100", NumberType.LONG_CODE, 1,
                NumberHealth.UNHEALTHY), b));
        Decision.Selected replaced = (Decision.Selected) SenderSelector.select(new SelectionRequest(s, aUnhealthy, to,
                false, Optional.of(onA), UNLIMITED, NOW));
        assertEquals(b.number(), replaced.sender().number());
        assertEquals(Decision.StickyAction.REPLACE, replaced.sticky());
        assertTrue(replaced.trace().stream().anyMatch(t -> t.note().contains("no longer eligible")));
        StickyMapping onB = new StickyMapping(to, b.number(), NOW, NOW);
        Decision.Selected again = (Decision.Selected) SenderSelector.select(new SelectionRequest(s, aUnhealthy, to,
                false, Optional.of(onB), UNLIMITED, NOW.plusSeconds(1)));
        assertEquals(b.number(), again.sender().number());
        assertEquals(Reason.STICKY, again.reason());
    }

    @Test
    void anExpiredMappingIsReplaced() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100")));
        PhoneNumber to = PhoneNumber.parse("+12125550100");
        StickyMapping old = new StickyMapping(to, PhoneNumber.parse("+14155550100"), NOW.minusSeconds(31L * 86_400),
                NOW.minusSeconds(31L * 86_400));
        Decision.Selected d = (Decision.Selected) SenderSelector.select(new SelectionRequest(
                settings(Fallback.POOL, false, false, true, 1, 1, false), index, to, false, Optional.of(old), UNLIMITED,
                NOW));
        assertEquals(Decision.StickyAction.REPLACE, d.sticky());
        assertEquals(Reason.WEIGHTED, d.reason());
    }

    @Test
    void geomatchPicksASameAreaNumberWhenThereIsOne() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100"), longCode("+12125550199"),
                longCode("+16135550123")));
        PoolSettings s = settings(Fallback.REJECT, true, false, false, 1, 1, false);
        for (int i = 0; i < 20; i++) {
            Decision.Selected d = (Decision.Selected) select(s, index, "+12125550100");
            assertEquals("+12125550199", d.sender().number().e164());
            assertEquals(Reason.GEOMATCH_AREA_CODE, d.reason());
        }
    }

    @Test
    void aGeomatchMissTriesTheCountryThenFallsBackAsConfigured() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100"), longCode("+16135550123")));
        Decision.Selected sameCountry = (Decision.Selected) select(settings(Fallback.REJECT, true, false, false, 1, 1,
                false), index, "+12125550100");
        assertEquals(Reason.LOCALIZED_COUNTRY, sameCountry.reason());
        assertEquals("+14155550100", sameCountry.sender().number().e164());

        PoolIndex canadaOnly = PoolIndex.of(List.of(longCode("+16135550123")));
        Decision rejected = select(settings(Fallback.REJECT, true, false, false, 1, 1, false), canadaOnly,
                "+12125550100");
        assertEquals(ErrorCode.SELECTION_REJECTED, assertInstanceOf(Decision.Refused.class, rejected).code());
        Decision pooled = select(settings(Fallback.POOL, true, false, false, 1, 1, false), canadaOnly, "+12125550100");
        assertEquals(Reason.FALLBACK_POOL, assertInstanceOf(Decision.Selected.class, pooled).reason());
        Decision custom = select(settings(Fallback.CUSTOM_FROM, true, false, false, 1, 1, false), canadaOnly,
                "+447400123456");
        assertEquals("ACME", assertInstanceOf(Decision.AlphanumericSender.class, custom).sender().value());
    }

    @Test
    void anAlphanumericSenderIsNeverUsedWhereCarriersRejectItThePoolStandsIn() {
        PoolIndex ukOnly = PoolIndex.of(List.of(longCode("+447400123456")));
        for (String to : List.of("+12125550100", "+16135550199", "+17875550100")) { // US, Canada, Puerto Rico
            Decision d = select(settings(Fallback.CUSTOM_FROM, true, false, false, 1, 1, false), ukOnly, to);
            Decision.Selected pooled = assertInstanceOf(Decision.Selected.class, d, to);
            assertEquals(Reason.FALLBACK_POOL, pooled.reason());
            assertTrue(d.trace().stream().anyMatch(t -> t.note().contains("alphanumeric senders are not allowed")),
                    d.trace().toString());
        }
        assertTrue(AlphanumericSenderPolicy.published().allowsRecipientIn("GB"));
        assertFalse(AlphanumericSenderPolicy.published().allowsRecipientIn("US"));
        assertTrue(AlphanumericSenderPolicy.notAllowedIn(List.of("gb")).allowsRecipientIn("US"), "an operator's list");
    }

    @Test
    void numbersOfAProviderWithoutCredentialsAreNeverChosenAndTheTraceSaysWhy() {
        PoolMember vonage = member("+14155550100", NumberType.LONG_CODE, 1, NumberHealth.HEALTHY);
        PoolIndex index = PoolIndex.of(List.of(vonage));
        PoolSettings s = settings(Fallback.POOL, false, false, false, 1, 1, false);
        Decision d = SenderSelector.select(new SelectionRequest(s, index, PhoneNumber.parse("+12125550100"), false,
                Optional.empty(), UNLIMITED, NOW, java.util.Set.of(vonage.provider()),
                AlphanumericSenderPolicy.published()));
        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, d);
        assertEquals(ErrorCode.SELECTION_PROVIDER_NOT_CONFIGURED, refused.code());
        assertTrue(d.trace().stream().anyMatch(t -> t.step().equals("providers")
                && t.note().contains(vonage.provider().wireName())), d.trace().toString());
    }

    @Test
    void localizedSenderPrefersTheRecipientsCountry() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100"), longCode("+447400123456")));
        Decision.Selected d = (Decision.Selected) select(settings(Fallback.POOL, false, true, false, 1, 1, false),
                index, "+447400999888");
        assertEquals("+447400123456", d.sender().number().e164());
        assertEquals(Reason.LOCALIZED_COUNTRY, d.reason());
    }

    @Test
    void anOptedOutRecipientIsRefusedUnlessOptOutsAreSelfManaged() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100")));
        PhoneNumber to = PhoneNumber.parse("+12125550100");
        Decision refused = SenderSelector.select(new SelectionRequest(plain(), index, to, true, Optional.empty(),
                UNLIMITED, NOW));
        assertEquals(ErrorCode.SELECTION_OPTED_OUT, ((Decision.Refused) refused).code());
        PoolSettings selfManaged = new PoolSettings(Fallback.POOL, null, false, false, false, 30, 1, 1, false,
                false, true, null, false, false);
        assertInstanceOf(Decision.Selected.class, SenderSelector.select(new SelectionRequest(selfManaged, index, to,
                true, Optional.empty(), UNLIMITED, NOW)));
    }

    @Test
    void unhealthyNumbersAreSkippedOnlyWhenThePoolSaysSo() {
        PoolIndex onlyUnhealthy = PoolIndex.of(List.of(member("+14155550100", NumberType.LONG_CODE, 1,
                NumberHealth.UNHEALTHY)));
        assertEquals(ErrorCode.SELECTION_NO_HEALTHY_NUMBER, ((Decision.Refused) select(settings(Fallback.POOL, false,
                false, false, 1, 1, true), onlyUnhealthy, "+12125550100")).code());
        assertInstanceOf(Decision.Selected.class, select(plain(), onlyUnhealthy, "+12125550100"));
    }

    @Test
    void numbersOutOfBudgetAreSkippedAndWhenAllAreTheAnswerIsCapacityExhausted() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100"), longCode("+14155550101")));
        Set<String> exhausted = new HashSet<>(Set.of("+14155550100"));
        Predicate<Candidate> budget = c -> !exhausted.contains(c.number().e164());
        PhoneNumber to = PhoneNumber.parse("+12125550100");
        for (int i = 0; i < 10; i++) {
            Decision.Selected d = (Decision.Selected) SenderSelector.select(new SelectionRequest(plain(), index, to,
                    false, Optional.empty(), budget, NOW));
            assertEquals("+14155550101", d.sender().number().e164());
        }
        exhausted.add("+14155550101");
        Decision d = SenderSelector.select(new SelectionRequest(plain(), index, to, false, Optional.empty(), budget,
                NOW));
        assertEquals(ErrorCode.SELECTION_CAPACITY_EXHAUSTED, ((Decision.Refused) d).code());
    }

    @Test
    void theTraceNamesEveryStepTaken() {
        PoolIndex index = PoolIndex.of(List.of(longCode("+14155550100"), longCode("+16135550123")));
        Decision d = select(settings(Fallback.POOL, true, false, true, 1, 1, false), index, "+12125550100");
        assertEquals(List.of("opt_out", "eligible", "sticky", "geomatch", "localized"),
                d.trace().stream().map(TraceStep::step).toList());
    }
}
