package dev.poolkeeper.application.port.out.sync;

import dev.poolkeeper.application.port.out.ProviderPort;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import dev.poolkeeper.domain.sync.SyncOperation;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's pool API, one implementation per vendor. Each call is one attempt (the caller retries);
 * failures are {@link ProviderSyncException}s.
 */
public interface ProviderPoolPort extends ProviderPort {
    /** How the provider words a pool's settings, and how its copy is compared and imported. */
    PoolDialect dialect();

    /** What the provider holds for the part, every page followed; empty when it holds no such pool. */
    Optional<ObservedPart> read(PartRef part);

    /**
     * Whether {@code id} has the shape of this provider's pool ids. Checked before an id a client gave
     * reaches the provider, so that no client text becomes part of a provider URL unchecked.
     */
    boolean isPoolId(String id);

    /** The shape of this provider's pool ids, for an error message. */
    String poolIdShape();

    /** Applies one operation. */
    Applied apply(PartRef part, SyncOperation operation);

    /**
     * What an operation did: the provider's pool id (new after a create), and the numbers the provider
     * refused item by item (a 207), with its reason.
     */
    record Applied(Optional<String> providerPoolId, List<PhoneNumber> refused, String refusal) {
        public static Applied done() {
            return new Applied(Optional.empty(), List.of(), null);
        }

        public static Applied created(String providerPoolId) {
            return new Applied(Optional.of(providerPoolId), List.of(), null);
        }
    }
}
