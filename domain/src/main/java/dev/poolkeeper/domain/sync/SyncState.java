package dev.poolkeeper.domain.sync;

import dev.poolkeeper.domain.shared.WireName;

/**
 * Where a pool's part at one provider stands: {@code in_sync} (the provider holds what Poolkeeper holds),
 * {@code pending} (a change waits to be applied), {@code drifted} (the provider was changed behind
 * Poolkeeper's back; the repair is pending), {@code failed} (the provider refused; see the last error).
 */
public enum SyncState implements WireName {
    IN_SYNC, PENDING, DRIFTED, FAILED
}
