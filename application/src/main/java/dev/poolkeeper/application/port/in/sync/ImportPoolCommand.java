package dev.poolkeeper.application.port.in.sync;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolName;
import java.util.Objects;
import java.util.Optional;

/** Adopt the provider's pool {@code providerPoolId} as a new pool; US long codes take {@code campaign}. */
public record ImportPoolCommand(Caller caller, Provider provider, String providerPoolId, PoolName name,
                                Optional<CampaignId> campaign) {
    public ImportPoolCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerPoolId, "providerPoolId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(campaign, "campaign");
    }
}
