package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operations that make a provider hold what Poolkeeper holds, in the order they must run: create
 * (or update) the pool, add numbers, then remove numbers — adding before removing means a pool is never
 * left empty on the way, which Pinpoint refuses ({@code LAST_PHONE_NUMBER}). A part in sync plans nothing.
 * Pure: the same inputs give the same plan, on any instance.
 */
public final class SyncPlanner {
    private static final Comparator<PhoneNumber> ORDER = Comparator.comparing(PhoneNumber::e164);

    private SyncPlanner() {
    }

    public static List<SyncOperation> plan(VendorRules rules, DesiredPart desired, Optional<ObservedPart> observed) {
        List<SyncOperation> ops = new ArrayList<>();
        if (!desired.wanted()) {
            observed.ifPresent(o -> retire(rules, desired, o, ops));
            return ops;
        }
        List<PhoneNumber> toAdd = sorted(desired.numbers().stream()
                .filter(n -> observed.map(o -> !o.numbers().contains(n)).orElse(true)).toList());
        List<PhoneNumber> toRemove = observed.map(o -> sorted(o.numbers().stream()
                .filter(n -> !desired.numbers().contains(n)).toList())).orElse(List.of());
        Map<String, Object> settings = rules.updatable().apply(desired);
        if (observed.isEmpty()) {
            Map<String, Object> create = new LinkedHashMap<>(rules.createOnly().apply(desired));
            create.putAll(settings);
            List<PhoneNumber> first = rules.createTakesFirstNumber() ? List.of(toAdd.remove(0)) : List.of();
            ops.add(SyncOperation.create(create, first));
        } else if (!matches(settings, observed.get().settings())) {
            ops.add(SyncOperation.update(settings));
        }
        batches(toAdd, rules.addBatch()).forEach(b -> ops.add(SyncOperation.add(b)));
        batches(toRemove, rules.removeBatch()).forEach(b -> ops.add(SyncOperation.remove(b)));
        if (rules.mirrorsOptOutList()) {
            optOutList(desired, observed, settings, ops);
        }
        return ops;
    }

    /**
     * The pool's opt-out list at the provider: created (before the pool is pointed at it) when the pool
     * does not name it yet, then its numbers put on and taken off. Numbers on a list the pool does not
     * name yet are unknown, so all of them are put (putting is idempotent at the provider).
     */
    private static void optOutList(DesiredPart desired, Optional<ObservedPart> observed, Map<String, Object> settings,
                                   List<SyncOperation> ops) {
        Object list = settings.get("OptOutListName");
        boolean named = observed.map(o -> Objects.equals(list, o.settings().get("OptOutListName"))).orElse(false);
        Set<PhoneNumber> have = named ? observed.get().optedOut() : Set.of();
        if (!named) {
            ops.add(0, new SyncOperation(SyncOperation.Kind.CREATE_OPT_OUT_LIST, List.of(),
                    Map.of("OptOutListName", list)));
        }
        batches(sorted(desired.optedOut().stream().filter(n -> !have.contains(n)).toList()), VendorRules.OPT_OUT_BATCH)
                .forEach(b -> ops.add(new SyncOperation(SyncOperation.Kind.OPT_OUT_NUMBERS, b,
                        Map.of("OptOutListName", list))));
        batches(sorted(have.stream().filter(n -> !desired.optedOut().contains(n)).toList()), VendorRules.OPT_OUT_BATCH)
                .forEach(b -> ops.add(new SyncOperation(SyncOperation.Kind.OPT_IN_NUMBERS, b,
                        Map.of("OptOutListName", list))));
    }

    /** The part is no longer wanted: delete the provider's pool (after emptying it, or unprotecting it). */
    private static void retire(VendorRules rules, DesiredPart desired, ObservedPart o, List<SyncOperation> ops) {
        if (Boolean.TRUE.equals(o.settings().get("DeletionProtectionEnabled"))) {
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

    /** Every desired field has the same value at the provider (numbers compared by value: 1 equals 1.0). */
    static boolean matches(Map<String, Object> desired, Map<String, Object> observed) {
        for (Map.Entry<String, Object> e : desired.entrySet()) {
            if (!same(e.getValue(), observed.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object want, Object have) {
        if (want instanceof Number w && have instanceof Number h) {
            return Double.compare(w.doubleValue(), h.doubleValue()) == 0;
        }
        if (want instanceof Map<?, ?> w && have instanceof Map<?, ?> h) {
            for (Map.Entry<?, ?> e : w.entrySet()) {
                if (!same(e.getValue(), h.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(want, have);
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
