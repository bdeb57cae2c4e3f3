package dev.poolkeeper.application.port.in.sync;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.sync.SyncOperation;
import java.util.List;
import java.util.Optional;

/** The operations a sync would perform now at one provider, or why it cannot tell. */
public record PartPlan(Provider provider, Optional<String> providerPoolId, List<SyncOperation> operations,
                       Optional<String> error) {
}
