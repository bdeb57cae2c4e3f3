package dev.poolkeeper.adapters.web.view;

import java.time.Instant;

/**
 * A pool in the console's pool list: its numbers and how many are unhealthy (resting), its state at each
 * provider ({@code vonage: in_sync}), its opt-out list, its last change.
 */
public record PoolRow(String id, String name, String status, long members, long unhealthy, String providers,
                      String sync, boolean syncTrouble, String optOutList, Instant updatedAt) {
}
