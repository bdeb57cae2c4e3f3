package dev.poolkeeper.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncPlannerTest {
    private static final PoolId POOL = new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB");

    private static Set<PhoneNumber> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> PhoneNumber.parse(Numbers.usNumber(i))).collect(Collectors.toSet());
    }

    private static DesiredPart desired(PoolSettings settings, Set<PhoneNumber> numbers) {
        return new DesiredPart(POOL, "marketing", Optional.of(settings), MessageType.TRANSACTIONAL, numbers);
    }

    private static List<SyncOperation.Kind> kinds(List<SyncOperation> plan) {
        return plan.stream().map(SyncOperation::kind).toList();
    }

    @Test
    void aNewVonagePartOf120NumbersIsCreatedAndFilledInThreeCalls() {
        List<SyncOperation> plan = SyncPlanner.plan(VendorRules.VONAGE, desired(PoolSettings.defaults(),
                numbers(0, 120)), Optional.empty());
        assertEquals(List.of(SyncOperation.Kind.CREATE_POOL, SyncOperation.Kind.ADD_NUMBERS,
                SyncOperation.Kind.ADD_NUMBERS, SyncOperation.Kind.ADD_NUMBERS), kinds(plan));
        assertEquals(List.of(50, 50, 20), plan.subList(1, 4).stream().map(o -> o.numbers().size()).toList());
        assertEquals(Map.of("fallback", "Pool", "localized_sender_preferred", false,
                "predictable_sender_preferred", false), plan.get(0).settings());
    }

    @Test
    void aPartInSyncPlansNothingEvenWhenTheProviderWritesNumbersDifferently() {
        DesiredPart d = desired(PoolSettings.defaults(), numbers(0, 3));
        Map<String, Object> telnyxHas = Map.of("number_pool_settings", Map.of("long_code_weight", 1.0,
                "toll_free_weight", 1.0, "skip_unhealthy", false, "sticky_sender", false, "geomatch", false),
                "name", "renamed at telnyx");
        assertEquals(List.of(), SyncPlanner.plan(VendorRules.TELNYX, d,
                Optional.of(new ObservedPart("3fa85f64", telnyxHas, numbers(0, 3)))));
    }

    @Test
    void aChangedSettingIsOneUpdateAndMissingOrExtraNumbersAreAddedBeforeRemoved() {
        DesiredPart d = desired(PoolSettings.defaults(), numbers(0, 3));
        ObservedPart o = new ObservedPart("pool_x", Map.of("fallback", "Reject", "localized_sender_preferred", false,
                "predictable_sender_preferred", false), numbers(2, 5));
        List<SyncOperation> plan = SyncPlanner.plan(VendorRules.VONAGE, d, Optional.of(o));
        assertEquals(List.of(SyncOperation.Kind.UPDATE_POOL, SyncOperation.Kind.ADD_NUMBERS,
                SyncOperation.Kind.REMOVE_NUMBERS), kinds(plan));
        assertEquals(numbers(0, 2), Set.copyOf(plan.get(1).numbers()));
        assertEquals(numbers(3, 5), Set.copyOf(plan.get(2).numbers()));
    }

    @Test
    void swappingEveryPinpointNumberNeverEmptiesThePool() {
        DesiredPart d = desired(PoolSettings.defaults(), numbers(10, 13));
        ObservedPart o = new ObservedPart("pool-abc", Map.of("TwoWayEnabled", false, "SelfManagedOptOutsEnabled",
                false, "SharedRoutesEnabled", false, "DeletionProtectionEnabled", false), numbers(0, 3));
        List<SyncOperation> plan = SyncPlanner.plan(VendorRules.PINPOINT, d, Optional.of(o));
        Set<PhoneNumber> held = new HashSet<>(o.numbers());
        for (SyncOperation op : plan) {
            if (op.kind() == SyncOperation.Kind.ADD_NUMBERS) {
                held.addAll(op.numbers());
            } else if (op.kind() == SyncOperation.Kind.REMOVE_NUMBERS) {
                held.removeAll(op.numbers());
            }
            assertTrue(!held.isEmpty(), "the pool is never left without a number: " + plan);
            assertTrue(op.numbers().size() <= 1, "one number per Pinpoint call");
        }
        assertEquals(d.numbers(), held);
    }

    @Test
    void aPinpointPoolIsCreatedWithItsFirstNumberAndItsFixedMessageType() {
        List<SyncOperation> plan = SyncPlanner.plan(VendorRules.PINPOINT, desired(PoolSettings.defaults(),
                numbers(0, 3)), Optional.empty());
        assertEquals(List.of(SyncOperation.Kind.CREATE_OPT_OUT_LIST, SyncOperation.Kind.CREATE_POOL,
                SyncOperation.Kind.ADD_NUMBERS, SyncOperation.Kind.ADD_NUMBERS), kinds(plan));
        assertEquals("poolkeeper-" + POOL.value(), plan.get(0).settings().get("OptOutListName"),
                "the pool's own list, created before the pool names it");
        assertEquals(1, plan.get(1).numbers().size());
        assertEquals("TRANSACTIONAL", plan.get(1).settings().get("MessageType"));
    }

    @Test
    void thePinpointOptOutListGetsTheNumbersItLacksAndLosesTheOnesOptedBackIn() {
        Set<PhoneNumber> optedOut = numbers(100, 103);
        DesiredPart d = new DesiredPart(POOL, "marketing", Optional.of(PoolSettings.defaults()),
                MessageType.TRANSACTIONAL, numbers(0, 1), optedOut);
        Map<String, Object> aws = new java.util.HashMap<>(Map.of("TwoWayEnabled", false, "SelfManagedOptOutsEnabled",
                false, "SharedRoutesEnabled", false, "DeletionProtectionEnabled", false));
        aws.put("OptOutListName", "poolkeeper-" + POOL.value());
        ObservedPart o = new ObservedPart("pool-abc", aws, numbers(0, 1), numbers(102, 105));
        List<SyncOperation> plan = SyncPlanner.plan(VendorRules.PINPOINT, d, Optional.of(o));
        assertEquals(List.of(SyncOperation.Kind.OPT_OUT_NUMBERS, SyncOperation.Kind.OPT_IN_NUMBERS), kinds(plan));
        assertEquals(numbers(100, 102), Set.copyOf(plan.get(0).numbers()));
        assertEquals(numbers(103, 105), Set.copyOf(plan.get(1).numbers()));
        assertEquals(List.of(), SyncPlanner.plan(VendorRules.PINPOINT, d, Optional.of(new ObservedPart("pool-abc", aws,
                numbers(0, 1), optedOut))), "a list in sync plans nothing");
    }

    @Test
    void anEmptiedPartIsDeletedAndProtectionIsLiftedOnlyWhenThePoolNoLongerHasIt() {
        ObservedPart protectedAtAws = new ObservedPart("pool-abc", Map.of("DeletionProtectionEnabled", true),
                numbers(0, 1));
        DesiredPart gone = new DesiredPart(POOL, "marketing", Optional.empty(), MessageType.TRANSACTIONAL, Set.of());
        assertEquals(List.of(SyncOperation.Kind.DISABLE_DELETION_PROTECTION, SyncOperation.Kind.DELETE_POOL),
                kinds(SyncPlanner.plan(VendorRules.PINPOINT, gone, Optional.of(protectedAtAws))));
        PoolSettings stillProtected = new PoolSettings(Fallback.POOL, null, false, false, false,
                PoolSettings.DEFAULT_STICKY_TTL_DAYS, 1, 1, false, false, false, null, false, true);
        assertEquals(List.of(), SyncPlanner.plan(VendorRules.PINPOINT, desired(stillProtected, Set.of()),
                Optional.of(protectedAtAws)), "a protected pool is not deleted behind the operator's back");
        assertEquals(List.of(SyncOperation.Kind.REMOVE_NUMBERS, SyncOperation.Kind.REMOVE_NUMBERS,
                SyncOperation.Kind.DELETE_POOL), kinds(SyncPlanner.plan(VendorRules.TELNYX, gone,
                Optional.of(new ObservedPart("3fa85f64", Map.of(), numbers(0, 2))))));
        assertEquals(List.of(), SyncPlanner.plan(VendorRules.VONAGE, gone, Optional.empty()));
    }
}
