package dev.poolkeeper.adapters.providers;

import dev.poolkeeper.application.port.out.ProviderPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;

/**
 * What every vendor port says of itself: its provider, its slice's capabilities, and whether its account has credentials (fixed
 * when the port is built from configuration).
 */
public abstract class VendorPort implements ProviderPort {
    private final Provider provider;
    private final ProviderCapabilities capabilities;
    private final boolean configured;

    protected VendorPort(Provider provider, ProviderCapabilities capabilities, boolean configured) {
        this.provider = provider;
        this.capabilities = capabilities;
        this.configured = configured;
    }

    @Override
    public final ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public final Provider provider() {
        return provider;
    }

    @Override
    public final boolean configured() {
        return configured;
    }
}
