package dev.poolkeeper.adapters.web.view;

/** What became of one number of a pasted list. */
public record OutcomeRow(String requested, String outcome, boolean success, String why) {
}
