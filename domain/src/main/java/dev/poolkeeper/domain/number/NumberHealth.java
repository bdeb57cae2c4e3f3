package dev.poolkeeper.domain.number;

import dev.poolkeeper.domain.shared.WireName;

/** Learned from delivery receipts; a new member is {@code unknown}. */
public enum NumberHealth implements WireName {
    HEALTHY, UNHEALTHY, UNKNOWN
}
