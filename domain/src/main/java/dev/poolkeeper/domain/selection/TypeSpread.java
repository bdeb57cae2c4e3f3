package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.NumberType;

/**
 * Chooses the number type in the ratio of the pool's type weights, among the types that still have
 * candidates: smooth weighted round robin (as nginx spreads upstreams), so 5:1 gives exactly five
 * long codes in every six picks, interleaved, never a burst. Types are sets of bits by ordinal
 * ({@link #bit}) and weights arrays by ordinal, so a pick allocates nothing.
 */
final class TypeSpread {
    static final NumberType[] TYPES = NumberType.values();

    private final long[] current = new long[TYPES.length];

    static int bit(NumberType type) {
        return 1 << type.ordinal();
    }

    /** The next type among {@code available} (bits by ordinal), or null when none has a positive weight. */
    synchronized NumberType next(int[] weights, int available) {
        long total = 0;
        int best = -1;
        for (int t = 0; t < TYPES.length; t++) {
            if ((available & 1 << t) == 0 || weights[t] <= 0) {
                continue;
            }
            total += weights[t];
            current[t] += weights[t];
            if (best < 0 || current[t] > current[best]) {
                best = t;
            }
        }
        if (best < 0) {
            return null;
        }
        current[best] -= total;
        return TYPES[best];
    }
}
