package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.shared.WireName;

/**
 * Where a message is: {@code queued} (stored, not yet accepted by a provider, or the provider's answer
 * was lost), {@code sent} (a provider accepted it), {@code delivered}, {@code failed} (not delivered, or
 * no provider could take it), {@code rejected} (a provider refused it).
 */
public enum MessageStatus implements WireName {
    QUEUED, SENT, DELIVERED, FAILED, REJECTED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == REJECTED;
    }
}
