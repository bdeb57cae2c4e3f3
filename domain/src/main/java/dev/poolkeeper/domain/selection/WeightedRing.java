package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.NumberType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Interleaved weighted round robin over a fixed set of candidates: in round r every candidate whose
 * weight is at least r gets one turn, so a weight-3 number sends three times per cycle, spread over
 * the cycle rather than in a burst. A pick is O(1) (plus the candidates it skips).
 *
 * <p>What a pick's trace says of the number (its E.164 digits and its weight) is kept in primitive arrays in
 * turn order, so that in a pool of a million numbers a pick reads memory that is next to the previous pick's,
 * not the candidate's objects scattered over the heap; a candidate object is read only when the
 * {@code usable} test asks for it.
 */
final class WeightedRing {
    private final Candidate[] byWeight;
    private final long[] digits;
    private final int[] weights;
    private final int[] eligibleInRound;
    private final long turnsPerCycle;
    private int round = 1;
    private int index;

    WeightedRing(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Candidate::weight).reversed());
        this.byWeight = sorted.toArray(Candidate[]::new);
        this.digits = new long[byWeight.length];
        this.weights = new int[byWeight.length];
        for (int i = 0; i < byWeight.length; i++) {
            digits[i] = digitsOf(byWeight[i].number().e164());
            weights[i] = byWeight[i].weight();
        }
        int maxWeight = byWeight.length == 0 ? 0 : byWeight[0].weight();
        this.eligibleInRound = new int[maxWeight + 1];
        int count = byWeight.length;
        for (int r = 1; r <= maxWeight; r++) {
            while (count > 0 && byWeight[count - 1].weight() < r) {
                count--;
            }
            eligibleInRound[r] = count;
        }
        long turns = 0;
        for (int w : weights) {
            turns += w;
        }
        this.turnsPerCycle = turns;
    }

    /** The digits after the {@code +}, or -1 when the text is not {@code +} and digits that a long holds. */
    private static long digitsOf(String e164) {
        if (e164.length() < 2 || e164.length() > 19 || e164.charAt(0) != '+') {
            return -1;
        }
        long value = 0;
        for (int i = 1; i < e164.length(); i++) {
            char ch = e164.charAt(i);
            if (ch < '0' || ch > '9' || i == 1 && ch == '0') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    int size() {
        return byWeight.length;
    }

    /**
     * The turn of the next candidate that {@code usable} accepts; gives up after one full cycle of turns
     * (bounded by the sum of weights) and returns -1.
     */
    synchronized int next(Predicate<Candidate> usable) {
        if (byWeight.length == 0) {
            return -1;
        }
        for (long turn = 0; turn < turnsPerCycle; turn++) {
            if (index >= eligibleInRound[round]) {
                index = 0;
                round = round + 1 >= eligibleInRound.length ? 1 : round + 1;
            }
            int at = index++;
            if (usable.test(byWeight[at])) {
                return at;
            }
        }
        return -1;
    }

    Candidate candidate(int at) {
        return byWeight[at];
    }

    /**
     * What a decision's trace says of the number at a turn, {@code area code 415: +14155550100 (long_code, weight 2)},
     * from the ring's own arrays when they hold its digits.
     */
    String describe(int at, String scopeKind, String scopeValue, NumberType type) {
        return digits[at] < 0
                ? scopeKind + scopeValue + ": " + byWeight[at].number().e164() + " (" + type.wireName() + ", weight "
                        + weights[at] + ")"
                : scopeKind + scopeValue + ": +" + digits[at] + " (" + type.wireName() + ", weight " + weights[at] + ")";
    }
}
