package dev.poolkeeper.domain.provider;

import java.util.Objects;

/**
 * What one provider can do, as the core needs to know it. Each provider's slice states its own value;
 * the core reads it instead of naming providers.
 *
 * @param addBatch                numbers added to the provider's pool per call
 * @param removeBatch             numbers removed per call
 * @param createTakesFirstNumber  a pool is created together with its first number (and can never be empty)
 * @param emptyBeforeDelete       the provider's pool must be emptied before it can be deleted
 * @param mirrorsOptOutList       the provider keeps its own opt-out list, which Poolkeeper mirrors
 * @param optOutBatch             opt-out numbers put on or taken off per operation
 * @param alphanumeric            whether the provider sends from an alphanumeric sender id
 * @param alphanumericRank        among providers that can, the lower rank is tried first
 */
public record ProviderCapabilities(int addBatch, int removeBatch, boolean createTakesFirstNumber,
                                   boolean emptyBeforeDelete, boolean mirrorsOptOutList, int optOutBatch,
                                   Alphanumeric alphanumeric, int alphanumericRank) {

    /** Whether a provider sends from an alphanumeric sender id. */
    public enum Alphanumeric {
        NEVER,
        ALWAYS,
        /** Only once the message's pool has a pool of its own at the provider. */
        WITH_MIRRORED_POOL;

        public boolean sends(boolean poolMirrored) {
            return this == ALWAYS || this == WITH_MIRRORED_POOL && poolMirrored;
        }
    }

    public ProviderCapabilities {
        if (addBatch < 1 || removeBatch < 1 || optOutBatch < 1) {
            throw new IllegalArgumentException("batch sizes must be at least 1");
        }
        Objects.requireNonNull(alphanumeric, "alphanumeric");
    }
}
