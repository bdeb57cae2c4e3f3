package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/** A message in the console's message search. */
public record MessageRow(String id, String poolId, String from, String to, String provider, String status,
                         String reason, Instant createdAt) {
}
