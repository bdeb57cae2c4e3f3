package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/**
 * An event endpoint on the operations page: its state and why, and its deliveries still waiting (since when
 * the oldest waits; null when none does) and dead-lettered.
 */
public record EndpointRow(String id, String url, String state, String why, long waiting, Instant oldestWaiting,
                          long dead, boolean trouble) {
}
