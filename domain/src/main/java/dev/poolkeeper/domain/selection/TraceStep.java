package dev.poolkeeper.domain.selection;

import java.util.Objects;

/** One step of a decision: which policy ran, how many candidates it left, and what it noticed. */
public record TraceStep(String step, int candidates, String note) {
    public TraceStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(note, "note");
    }
}
