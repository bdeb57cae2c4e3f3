package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.out.ProviderPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The capabilities of every provider the instance has a port for, as their slices state them. */
public final class ProviderCatalog {
    private final Map<Provider, ProviderCapabilities> capabilities = new EnumMap<>(Provider.class);

    public ProviderCatalog(Collection<? extends ProviderPort> ports) {
        ports.forEach(p -> capabilities.put(p.provider(), p.capabilities()));
    }

    public Optional<ProviderCapabilities> capabilities(Provider provider) {
        return Optional.ofNullable(capabilities.get(provider));
    }

    /** Whether the provider keeps an opt-out list of its own that Poolkeeper mirrors. */
    public boolean mirrorsOptOutList(Provider provider) {
        return capabilities(provider).map(ProviderCapabilities::mirrorsOptOutList).orElse(false);
    }
}
