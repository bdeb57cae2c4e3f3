package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.provider.Provider;
import static dev.poolkeeper.domain.mothers.Numbers.CAMPAIGN;
import static dev.poolkeeper.domain.mothers.Numbers.OTHER_CAMPAIGN;
import static dev.poolkeeper.domain.mothers.Numbers.usLongCode;
import static dev.poolkeeper.domain.mothers.Numbers.usNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.mothers.Pools;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MemberOutcome.Status;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolMembershipTest {

    private static List<MemberOutcome> admit(NumberPool pool, MembershipSnapshot snapshot, MemberRequest... items) {
        return PoolMembership.admit(pool, List.of(items), snapshot, Pools.NOW);
    }

    @Test
    void fiftyNumbersAreAcceptedAndFiftyOneAreRefusedBeforeAnyIsLookedAt() {
        List<MemberRequest> fifty = IntStream.range(0, 50).mapToObj(Numbers::usLongCode).toList();
        assertEquals(50, PoolMembership.admit(Pools.aPool(), fifty, MembershipSnapshot.empty(), Pools.NOW).size());
        List<MemberRequest> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(usLongCode(50));
        DomainException e = assertThrows(DomainException.class,
                () -> PoolMembership.admit(Pools.aPool(), fiftyOne, MembershipSnapshot.empty(), Pools.NOW));
        assertEquals(ErrorCode.NUMBERS_LIMIT_EXCEEDED, e.code());
    }

    @Test
    void anEmptyBatchIsAnInvalidRequest() {
        assertEquals(ErrorCode.REQUEST_INVALID, assertThrows(DomainException.class,
                () -> PoolMembership.admit(Pools.aPool(), List.of(), MembershipSnapshot.empty(), Pools.NOW)).code());
    }

    @Test
    void aMixedBatchGetsOneOutcomePerItemInRequestOrder() {
        List<MemberOutcome> outcomes = admit(Pools.aPool(), MembershipSnapshot.empty(),
                usLongCode(1), usLongCode("not-a-number", CAMPAIGN), usLongCode(2), usLongCode(1));
        assertEquals(List.of(Status.ADDED, Status.FAILED, Status.ADDED, Status.ALREADY_PRESENT),
                outcomes.stream().map(MemberOutcome::status).toList());
        assertEquals(ErrorCode.NUMBER_INVALID, outcomes.get(1).code());
        assertEquals("not-a-number", outcomes.get(1).shownNumber());
    }

    @Test
    void aNumberAlreadyInThisPoolIsAlreadyPresent() {
        PhoneNumber n = PhoneNumber.parse(usNumber(1));
        MembershipSnapshot snapshot = new MembershipSnapshot(Map.of(n, Numbers.member(usLongCode(1))), Map.of(), Optional.of(CAMPAIGN));
        assertEquals(Status.ALREADY_PRESENT, admit(Pools.aPool(), snapshot, usLongCode(1)).get(0).status());
    }

    @Test
    void aNumberInAnotherPoolOfTheAccountIsRefused() {
        PhoneNumber n = PhoneNumber.parse(usNumber(1));
        PoolId other = new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZZ");
        MembershipSnapshot snapshot = new MembershipSnapshot(Map.of(), Map.of(n, other), Optional.empty());
        MemberOutcome outcome = admit(Pools.aPool(), snapshot, usLongCode(1)).get(0);
        assertEquals(ErrorCode.NUMBER_IN_OTHER_POOL, outcome.code());
        assertTrue(outcome.message().contains(other.value()), "names the pool that holds it: " + outcome.message());
    }

    @Test
    void addingAUsLongCodeWithoutACampaignIsRefused() {
        MemberOutcome outcome = admit(Pools.aPool(), MembershipSnapshot.empty(), usLongCode(usNumber(1), null)).get(0);
        assertEquals(ErrorCode.NUMBER_CAMPAIGN_REQUIRED, outcome.code());
    }

    @Test
    void addingAUsLongCodeWithAnotherCampaignIsRefused() {
        MembershipSnapshot snapshot = new MembershipSnapshot(Map.of(), Map.of(), Optional.of(CAMPAIGN));
        MemberOutcome outcome = admit(Pools.aPool(), snapshot, usLongCode(usNumber(1), OTHER_CAMPAIGN)).get(0);
        assertEquals(ErrorCode.NUMBER_CAMPAIGN_MISMATCH, outcome.code());
    }

    @Test
    void aPoolsNumbersAtOneProviderAllNameTheSameConnection() {
        dev.poolkeeper.domain.provider.ConnectionId a = new dev.poolkeeper.domain.provider.ConnectionId(
                "conn_01ARZ3NDEKTSV4RRFFQ69G5FAV");
        dev.poolkeeper.domain.provider.ConnectionId b = new dev.poolkeeper.domain.provider.ConnectionId(
                "conn_01BX5ZZKBKACTAV9WEVGEMMVRZ");
        MemberRequest first = new MemberRequest(usNumber(1), Provider.TELNYX, null, CAMPAIGN, false, 1, Optional.of(a));
        MemberRequest second = new MemberRequest(usNumber(2), Provider.TELNYX, null, CAMPAIGN, false, 1, Optional.of(b));
        MemberRequest unnamed = usLongCode(usNumber(3), CAMPAIGN);
        MemberRequest elsewhere = new MemberRequest("+447400123456", Provider.PINPOINT, null, null, false, 1,
                Optional.empty());
        List<MemberOutcome> outcomes = admit(Pools.aPool(), MembershipSnapshot.empty(), first, second, unnamed,
                elsewhere);
        assertEquals(Status.ADDED, outcomes.get(0).status());
        assertEquals(Optional.of(a), outcomes.get(0).addedMember().orElseThrow().connection());
        assertEquals(ErrorCode.NUMBER_CONNECTION_MISMATCH, outcomes.get(1).code());
        assertEquals(ErrorCode.NUMBER_CONNECTION_MISMATCH, outcomes.get(2).code(), "none is not the same as a");
        assertEquals(Status.ADDED, outcomes.get(3).status(), "another provider has its own");

        MembershipSnapshot unnamedPool = new MembershipSnapshot(Map.of(), Map.of(), Optional.empty(),
                Map.of(Provider.TELNYX, Optional.empty()));
        assertEquals(ErrorCode.NUMBER_CONNECTION_MISMATCH, admit(Pools.aPool(), unnamedPool, first).get(0).code());
        assertEquals(Status.ADDED, admit(Pools.aPool(), unnamedPool, unnamed).get(0).status());
    }

    @Test
    void theFirstUsLongCodeOfAnEmptyPoolSetsTheCampaignForTheRestOfTheBatch() {
        List<MemberOutcome> outcomes = admit(Pools.aPool(), MembershipSnapshot.empty(),
                usLongCode(usNumber(1), OTHER_CAMPAIGN), usLongCode(usNumber(2), CAMPAIGN));
        assertEquals(Status.ADDED, outcomes.get(0).status());
        assertEquals(ErrorCode.NUMBER_CAMPAIGN_MISMATCH, outcomes.get(1).code());
    }

    @Test
    void tollFreeAndNonUsNumbersNeedNoCampaign() {
        List<MemberOutcome> outcomes = admit(Pools.aPool(), MembershipSnapshot.empty(),
                Numbers.usTollFree("+18005550100"), Numbers.ukLongCode("+447400123456"));
        assertEquals(List.of(Status.ADDED, Status.ADDED), outcomes.stream().map(MemberOutcome::status).toList());
        assertEquals(NumberType.TOLL_FREE, outcomes.get(0).member().type());
        assertEquals("GB", outcomes.get(1).member().country());
    }

    @Test
    void aTwoWayPoolTakesOnlyTwoWayCapableNumbers() {
        List<MemberOutcome> outcomes = admit(Pools.aTwoWayPool(), MembershipSnapshot.empty(),
                usLongCode(1), Numbers.twoWayUsLongCode(2));
        assertEquals(ErrorCode.NUMBER_TWO_WAY_REQUIRED, outcomes.get(0).code());
        assertEquals(Status.ADDED, outcomes.get(1).status());
    }

    @Test
    void aPoolWithOneWayMembersCannotBecomeTwoWay() {
        TwoWayMembershipPolicy.ensureCanBecomeTwoWay(0, List.of());
        DomainException refused = assertThrows(DomainException.class, () -> TwoWayMembershipPolicy.ensureCanBecomeTwoWay(
                3, List.of(PhoneNumber.parse(usNumber(1)), PhoneNumber.parse(usNumber(2)))));
        assertEquals(ErrorCode.POOL_MEMBERS_NOT_TWO_WAY, refused.code());
        assertTrue(refused.getMessage().contains(usNumber(1)) && refused.getMessage().contains("and 1 more"),
                refused.getMessage());
    }

    @Test
    void releaseReportsRemovedNotFoundAndInvalidPerItem() {
        PhoneNumber member = PhoneNumber.parse(usNumber(1));
        List<MemberOutcome> outcomes = PoolMembership.release(
                List.of(usNumber(1), usNumber(2), "nonsense", usNumber(1)), Set.of(member));
        assertEquals(List.of(Status.REMOVED, Status.NOT_FOUND, Status.FAILED, Status.NOT_FOUND),
                outcomes.stream().map(MemberOutcome::status).toList());
        assertEquals(ErrorCode.NUMBER_NOT_IN_POOL, outcomes.get(1).code());
    }

    @Test
    void aDeclaredTypeMustBeWhatTheNumberIs() {
        MemberOutcome ukMobileAsTollFree = admit(Pools.aPool(), MembershipSnapshot.empty(), new MemberRequest(
                "+447400123456", Provider.PINPOINT, NumberType.TOLL_FREE, null, false, 1)).get(0);
        assertEquals(ErrorCode.NUMBER_TYPE_MISMATCH, ukMobileAsTollFree.code());
        assertTrue(ukMobileAsTollFree.message().contains("mobile") && ukMobileAsTollFree.message().contains("GB"),
                ukMobileAsTollFree.message());
        MemberOutcome usTollFreeAsLongCode = admit(Pools.aPool(), MembershipSnapshot.empty(), new MemberRequest(
                "+18005550100", Provider.VONAGE, NumberType.LONG_CODE, null, false, 1)).get(0);
        assertEquals(ErrorCode.NUMBER_TYPE_MISMATCH, usTollFreeAsLongCode.code());
        MemberOutcome usTollFree = admit(Pools.aPool(), MembershipSnapshot.empty(), new MemberRequest(
                "+18005550100", Provider.VONAGE, NumberType.TOLL_FREE, null, false, 1)).get(0);
        assertEquals(Status.ADDED, usTollFree.status());
        MemberOutcome derived = admit(Pools.aPool(), MembershipSnapshot.empty(), new MemberRequest(
                "+18005550101", Provider.VONAGE, null, null, false, 1)).get(0);
        assertEquals(NumberType.TOLL_FREE, derived.addedMember().orElseThrow().type());
    }

    @Test
    void aReAddThatDiffersFromTheStoredMemberIsAConflictNamingWhatDiffers() {
        PhoneNumber n = PhoneNumber.parse(usNumber(1));
        MembershipSnapshot snapshot = new MembershipSnapshot(Map.of(n, Numbers.member(usLongCode(1))), Map.of(),
                Optional.of(CAMPAIGN));
        MemberOutcome same = admit(Pools.aPool(), snapshot, usLongCode(1)).get(0);
        assertEquals(Status.ALREADY_PRESENT, same.status());
        MemberOutcome heavier = admit(Pools.aPool(), snapshot, new MemberRequest(usNumber(1), Provider.VONAGE,
                null, CAMPAIGN, false, 3)).get(0);
        assertEquals(ErrorCode.NUMBER_CONFLICTS_WITH_MEMBER, heavier.code());
        assertTrue(heavier.message().contains("provider telnyx (not vonage)")
                && heavier.message().contains("weight 1 (not 3)"), heavier.message());
    }
}
