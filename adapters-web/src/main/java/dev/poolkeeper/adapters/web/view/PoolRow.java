package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/** A pool in the console's pool list. */
public record PoolRow(String id, String name, String status, long members, String providers, Instant updatedAt) {
}
