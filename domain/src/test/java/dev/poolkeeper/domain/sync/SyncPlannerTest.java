package dev.poolkeeper.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The planner's rules with a provider dialect of this test's own: batches, create-with-first-number,
 * emptying before delete and opt-out lists come from the capabilities; the providers' real dialects are
 * tested in their slices.
 */
class SyncPlannerTest {
    /** 50 numbers a call, like a bulk API. */
    private static final ProviderCapabilities BULK = new ProviderCapabilities(50, 50, false, false, false, 50,
            ProviderCapabilities.Alphanumeric.ALWAYS, 0);
    /** One number a call, and a pool that must be emptied before it is deleted. */
    private static final ProviderCapabilities ONE_BY_ONE = new ProviderCapabilities(1, 1, false, true, false, 50,
            ProviderCapabilities.Alphanumeric.NEVER, 0);
    /** A pool created with its first number, with an opt-out list of its own. */
    private static final ProviderCapabilities FIRST_NUMBER = new ProviderCapabilities(1, 1, true, false, true, 2,
            ProviderCapabilities.Alphanumeric.NEVER, 0);

    /** Settings as {@code fallback} and {@code sticky}; the list is {@code list-<pool>}; {@code protected}. */
    private static final PoolDialect DIALECT = new PoolDialect() {
        @Override
        public Map<String, Object> settings(DesiredPart d) {
            PoolSettings s = d.settings().orElseThrow();
            return Map.of("fallback", s.fallback().wireName(), "weights", Map.of("long_code", s.longCodeWeight()));
        }

        @Override
        public Map<String, Object> createOnly(DesiredPart d) {
            return Map.of("type", d.messageType().wireName());
        }

        @Override
        public Optional<String> optOutList(DesiredPart d) {
            return Optional.of("list-" + d.poolId().value());
        }

        @Override
        public Optional<String> optOutList(ObservedPart o) {
            return Optional.ofNullable((String) o.settings().get("list"));
        }

        @Override
        public boolean deletionProtected(ObservedPart o) {
            return Boolean.TRUE.equals(o.settings().get("protected"));
        }

        @Override
        public PoolPatch imported(PoolName name, Map<String, Object> settings) {
            throw new UnsupportedOperationException();
        }
    };

    private static List<SyncOperation> plan(ProviderCapabilities rules, DesiredPart d, Optional<ObservedPart> o) {
        return SyncPlanner.plan(rules, DIALECT, d, o);
    }

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
    void aNewPartOf120NumbersIsCreatedAndFilledInThreeBulkCalls() {
        List<SyncOperation> plan = plan(BULK, desired(PoolSettings.defaults(), numbers(0, 120)), Optional.empty());
        assertEquals(List.of(SyncOperation.Kind.CREATE_POOL, SyncOperation.Kind.ADD_NUMBERS,
                SyncOperation.Kind.ADD_NUMBERS, SyncOperation.Kind.ADD_NUMBERS), kinds(plan));
        assertEquals(List.of(50, 50, 20), plan.subList(1, 4).stream().map(o -> o.numbers().size()).toList());
        assertEquals(Map.of("type", "transactional", "fallback", "pool", "weights", Map.of("long_code", 1)),
                plan.get(0).settings(), "create-only and updatable settings together");
    }

    @Test
    void aPartInSyncPlansNothingEvenWhenTheProviderWritesNumbersDifferently() {
        DesiredPart d = desired(PoolSettings.defaults(), numbers(0, 3));
        Map<String, Object> has = Map.of("fallback", "pool", "weights", Map.of("long_code", 1.0, "toll_free", 1),
                "name", "renamed at the provider");
        assertEquals(List.of(), plan(ONE_BY_ONE, d, Optional.of(new ObservedPart("3fa85f64", has, numbers(0, 3)))));
    }

    @Test
    void aChangedSettingIsOneUpdateAndMissingOrExtraNumbersAreAddedBeforeRemoved() {
        DesiredPart d = desired(PoolSettings.defaults(), numbers(0, 3));
        ObservedPart o = new ObservedPart("pool_x", Map.of("fallback", "reject", "weights", Map.of("long_code", 1)),
                numbers(2, 5));
        List<SyncOperation> plan = plan(BULK, d, Optional.of(o));
        assertEquals(List.of(SyncOperation.Kind.UPDATE_POOL, SyncOperation.Kind.ADD_NUMBERS,
                SyncOperation.Kind.REMOVE_NUMBERS), kinds(plan));
        assertEquals(Map.of("fallback", "pool", "weights", Map.of("long_code", 1)), plan.get(0).settings());
        assertEquals(numbers(0, 2), Set.copyOf(plan.get(1).numbers()));
        assertEquals(numbers(3, 5), Set.copyOf(plan.get(2).numbers()));
    }

    @Test
    void swappingEveryNumberOneByOneNeverEmptiesThePool() {
        DesiredPart d = desired(PoolSettings.defaults(), numbers(10, 13));
        ObservedPart o = new ObservedPart("pool-abc", Map.of("fallback", "pool", "weights", Map.of("long_code", 1),
                "list", "list-" + POOL.value()), numbers(0, 3));
        List<SyncOperation> plan = plan(FIRST_NUMBER, d, Optional.of(o));
        Set<PhoneNumber> held = new HashSet<>(o.numbers());
        for (SyncOperation op : plan) {
            if (op.kind() == SyncOperation.Kind.ADD_NUMBERS) {
                held.addAll(op.numbers());
            } else if (op.kind() == SyncOperation.Kind.REMOVE_NUMBERS) {
                held.removeAll(op.numbers());
            }
            assertTrue(!held.isEmpty(), "the pool is never left without a number: " + plan);
            assertTrue(op.numbers().size() <= 1, "one number per call");
        }
        assertEquals(d.numbers(), held);
    }

    @Test
    void aPoolCreatedWithItsFirstNumberGetsItsOptOutListFirst() {
        List<SyncOperation> plan = plan(FIRST_NUMBER, desired(PoolSettings.defaults(), numbers(0, 3)),
                Optional.empty());
        assertEquals(List.of(SyncOperation.Kind.CREATE_OPT_OUT_LIST, SyncOperation.Kind.CREATE_POOL,
                SyncOperation.Kind.ADD_NUMBERS, SyncOperation.Kind.ADD_NUMBERS), kinds(plan));
        assertEquals(Map.of("list", "list-" + POOL.value()), plan.get(0).settings(),
                "the pool's own list, created before the pool names it, in the dialect's reference");
        assertEquals(1, plan.get(1).numbers().size());
    }

    @Test
    void theOptOutListGetsTheNumbersItLacksAndLosesTheOnesOptedBackInInBatches() {
        Set<PhoneNumber> optedOut = numbers(100, 103);
        DesiredPart d = new DesiredPart(POOL, "marketing", Optional.of(PoolSettings.defaults()),
                MessageType.TRANSACTIONAL, numbers(0, 1), optedOut);
        Map<String, Object> has = Map.of("fallback", "pool", "weights", Map.of("long_code", 1),
                "list", "list-" + POOL.value());
        ObservedPart o = new ObservedPart("pool-abc", has, numbers(0, 1), numbers(102, 105));
        List<SyncOperation> plan = plan(FIRST_NUMBER, d, Optional.of(o));
        assertEquals(List.of(SyncOperation.Kind.OPT_OUT_NUMBERS, SyncOperation.Kind.OPT_IN_NUMBERS), kinds(plan));
        assertEquals(numbers(100, 102), Set.copyOf(plan.get(0).numbers()));
        assertEquals(numbers(103, 105), Set.copyOf(plan.get(1).numbers()));
        assertEquals(List.of(), plan(FIRST_NUMBER, d, Optional.of(new ObservedPart("pool-abc", has,
                numbers(0, 1), optedOut))), "a list in sync plans nothing");
        assertEquals(List.of(), plan(BULK, d, Optional.of(new ObservedPart("pool-abc", has, numbers(0, 1)))),
                "a provider without lists of its own is not asked to keep one");
    }

    @Test
    void anEmptiedPartIsDeletedAndProtectionIsLiftedOnlyWhenThePoolNoLongerHasIt() {
        ObservedPart protectedThere = new ObservedPart("pool-abc", Map.of("protected", true), numbers(0, 1));
        DesiredPart gone = new DesiredPart(POOL, "marketing", Optional.empty(), MessageType.TRANSACTIONAL, Set.of());
        assertEquals(List.of(SyncOperation.Kind.DISABLE_DELETION_PROTECTION, SyncOperation.Kind.DELETE_POOL),
                kinds(plan(FIRST_NUMBER, gone, Optional.of(protectedThere))));
        PoolSettings stillProtected = new PoolSettings(Fallback.POOL, null, false, false, false,
                PoolSettings.DEFAULT_STICKY_TTL_DAYS, 1, 1, false, false, false, null, false, true);
        assertEquals(List.of(), plan(FIRST_NUMBER, desired(stillProtected, Set.of()), Optional.of(protectedThere)),
                "a protected pool is not deleted behind the operator's back");
        assertEquals(List.of(SyncOperation.Kind.REMOVE_NUMBERS, SyncOperation.Kind.REMOVE_NUMBERS,
                SyncOperation.Kind.DELETE_POOL), kinds(plan(ONE_BY_ONE, gone,
                Optional.of(new ObservedPart("3fa85f64", Map.of(), numbers(0, 2))))));
        assertEquals(List.of(), plan(BULK, gone, Optional.empty()));
    }
}
