package dev.poolkeeper.adapters.web.view;

/** One step of a sender decision's trace. */
public record TraceRow(String step, int candidates, String note) {
}
