package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/** One moment of a message's life: a status it entered, or an attempt and how it ended. */
public record TimelineRow(Instant at, String what, String detail) {
}
