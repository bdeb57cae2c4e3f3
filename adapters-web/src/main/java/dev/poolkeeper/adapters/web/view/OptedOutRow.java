package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/** A number on an opt-out list, and since when. */
public record OptedOutRow(String number, Instant since) {
}
