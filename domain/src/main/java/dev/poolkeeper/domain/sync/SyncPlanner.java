package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations that make a provider hold what Poolkeeper holds, in the order they must run: create
 * (or update) the pool, add numbers, then remove numbers — adding before removing means a pool is never
 * left empty on the way, which a provider whose pools are created with their first number refuses. A part
 * in sync plans nothing.
 * Pure: the same inputs give the same plan, on any instance.
 */
public final class SyncPlanner {
    private static final Comparator<PhoneNumber> ORDER = Comparator.comparing(PhoneNumber::e164);

    private SyncPlanner() {
    }

    public static List<SyncOperation> plan(ProviderCapabilities rules, PoolDialect dialect, DesiredPart desired,
                                           Optional<ObservedPart> observed) {
        List<SyncOperation> ops = new ArrayList<>();
        if (!desired.wanted()) {
            observed.ifPresent(o -> retire(rules, dialect, desired, o, ops));
            return ops;
        }
        List<PhoneNumber> toAdd = sorted(desired.numbers().stream()
                .filter(n -> observed.map(o -> !o.numbers().contains(n)).orElse(true)).toList());
        List<PhoneNumber> toRemove = observed.map(o -> sorted(o.numbers().stream()
                .filter(n -> !desired.numbers().contains(n)).toList())).orElse(List.of());
        Map<String, Object> settings = dialect.settings(desired);
        if (observed.isEmpty()) {
            Map<String, Object> create = new LinkedHashMap<>(dialect.createOnly(desired));
            create.putAll(settings);
            List<PhoneNumber> first = rules.createTakesFirstNumber() ? List.of(toAdd.remove(0)) : List.of();
            ops.add(SyncOperation.create(create, first));
        } else if (!dialect.matches(settings, observed.get().settings())) {
            ops.add(SyncOperation.update(settings));
        }
        batches(toAdd, rules.addBatch()).forEach(b -> ops.add(SyncOperation.add(b)));
        batches(toRemove, rules.removeBatch()).forEach(b -> ops.add(SyncOperation.remove(b)));
        if (rules.mirrorsOptOutList()) {
            dialect.optOutList(desired).ifPresent(list -> optOutList(rules, dialect, list, desired, observed, ops));
        }
        return ops;
    }

    /**
     * The pool's opt-out list at the provider: created (before the pool is pointed at it) when the pool
     * does not name it yet, then its numbers put on and taken off. Numbers on a list the pool does not
     * name yet are unknown, so all of them are put (putting is idempotent at the provider).
     */
    private static void optOutList(ProviderCapabilities rules, PoolDialect dialect, String list, DesiredPart desired,
                                   Optional<ObservedPart> observed, List<SyncOperation> ops) {
        boolean named = observed.flatMap(dialect::optOutList).filter(list::equals).isPresent();
        Set<PhoneNumber> have = named ? observed.get().optedOut() : Set.of();
        Map<String, Object> reference = dialect.optOutListReference(list);
        if (!named) {
            ops.add(0, new SyncOperation(SyncOperation.Kind.CREATE_OPT_OUT_LIST, List.of(), reference));
        }
        batches(sorted(desired.optedOut().stream().filter(n -> !have.contains(n)).toList()), rules.optOutBatch())
                .forEach(b -> ops.add(new SyncOperation(SyncOperation.Kind.OPT_OUT_NUMBERS, b, reference)));
        batches(sorted(have.stream().filter(n -> !desired.optedOut().contains(n)).toList()), rules.optOutBatch())
                .forEach(b -> ops.add(new SyncOperation(SyncOperation.Kind.OPT_IN_NUMBERS, b, reference)));
    }

    /** The part is no longer wanted: delete the provider's pool (after emptying it, or unprotecting it). */
    private static void retire(ProviderCapabilities rules, PoolDialect dialect, DesiredPart desired, ObservedPart o,
                               List<SyncOperation> ops) {
        if (dialect.deletionProtected(o)) {
            boolean stillProtected = desired.settings().map(s -> s.deletionProtectionEnabled()).orElse(false);
            if (stillProtected) {
                return;
            }
            ops.add(SyncOperation.of(SyncOperation.Kind.DISABLE_DELETION_PROTECTION));
        }
        if (rules.emptyBeforeDelete()) {
            batches(sorted(List.copyOf(o.numbers())), rules.removeBatch()).forEach(b -> ops.add(SyncOperation.remove(b)));
        }
        ops.add(SyncOperation.of(SyncOperation.Kind.DELETE_POOL));
    }

    private static List<PhoneNumber> sorted(List<PhoneNumber> numbers) {
        List<PhoneNumber> list = new ArrayList<>(numbers);
        list.sort(ORDER);
        return list;
    }

    private static List<List<PhoneNumber>> batches(List<PhoneNumber> numbers, int size) {
        List<List<PhoneNumber>> out = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i += size) {
            out.add(List.copyOf(numbers.subList(i, Math.min(numbers.size(), i + size))));
        }
        return out;
    }
}
