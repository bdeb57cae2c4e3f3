package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.NumberType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the number type in the ratio of the pool's type weights, among the types that still have
 * candidates: smooth weighted round robin (as nginx spreads upstreams), so 5:1 gives exactly five
 * long codes in every six picks, interleaved, never a burst.
 */
final class TypeSpread {
    private final Map<NumberType, Long> current = new EnumMap<>(NumberType.class);

    synchronized NumberType next(Map<NumberType, Integer> weights, Set<NumberType> available) {
        long total = 0;
        NumberType best = null;
        for (NumberType type : available) {
            int weight = weights.getOrDefault(type, 0);
            if (weight <= 0) {
                continue;
            }
            total += weight;
            long value = current.merge(type, (long) weight, Long::sum);
            if (best == null || value > current.get(best)) {
                best = type;
            }
        }
        if (best != null) {
            current.merge(best, -total, Long::sum);
        }
        return best;
    }
}
