package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/** An API key as the console lists it: never the key, only its prefix. */
public record KeyRow(String id, String prefix, Instant createdAt, Instant lastUsedAt, boolean current) {
}
