package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.shared.WireName;

/** A message's place in its pool's queue: {@code high} (one-time codes) overtakes {@code normal} traffic. */
public enum Priority implements WireName {
    HIGH, NORMAL;

    /** The queue's lane: lower goes first. */
    public int lane() {
        return ordinal();
    }

    public static Priority ofLane(int lane) {
        return values()[lane];
    }
}
