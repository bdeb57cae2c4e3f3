package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/** A number of a pool, as the pool page lists it. */
public record MemberRow(String number, String provider, String type, String country, String health, int weight,
                        Instant addedAt) {
}
