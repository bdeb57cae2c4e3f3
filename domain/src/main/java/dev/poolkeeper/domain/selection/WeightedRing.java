package dev.poolkeeper.domain.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Interleaved weighted round robin over a fixed set of candidates: in round r every candidate whose
 * weight is at least r gets one turn, so a weight-3 number sends three times per cycle, spread over
 * the cycle rather than in a burst. A pick is O(1) (plus the candidates it skips).
 */
final class WeightedRing {
    private final List<Candidate> byWeight;
    private final int[] eligibleInRound;
    private final long turnsPerCycle;
    private int round = 1;
    private int index;

    WeightedRing(List<Candidate> candidates) {
        this.byWeight = new ArrayList<>(candidates);
        this.byWeight.sort(Comparator.comparingInt(Candidate::weight).reversed());
        int maxWeight = byWeight.isEmpty() ? 0 : byWeight.get(0).weight();
        this.eligibleInRound = new int[maxWeight + 1];
        int count = byWeight.size();
        for (int r = 1; r <= maxWeight; r++) {
            while (count > 0 && byWeight.get(count - 1).weight() < r) {
                count--;
            }
            eligibleInRound[r] = count;
        }
        this.turnsPerCycle = byWeight.stream().mapToLong(Candidate::weight).sum();
    }

    int size() {
        return byWeight.size();
    }

    /**
     * The next candidate in turn that {@code usable} accepts; gives up after one full cycle of turns
     * (bounded by the sum of weights) and returns null.
     */
    synchronized Candidate next(Predicate<Candidate> usable) {
        if (byWeight.isEmpty()) {
            return null;
        }
        for (long turn = 0; turn < turnsPerCycle; turn++) {
            if (index >= eligibleInRound[round]) {
                index = 0;
                round = round + 1 >= eligibleInRound.length ? 1 : round + 1;
            }
            Candidate c = byWeight.get(index++);
            if (usable.test(c)) {
                return c;
            }
        }
        return null;
    }
}
