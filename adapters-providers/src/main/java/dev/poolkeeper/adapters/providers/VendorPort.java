package dev.poolkeeper.adapters.providers;

import dev.poolkeeper.application.port.out.ProviderPort;
import dev.poolkeeper.domain.number.Provider;

/**
 * What every vendor port says of itself: its provider, and whether its account has credentials (fixed
 * when the port is built from configuration).
 */
public abstract class VendorPort implements ProviderPort {
    private final Provider provider;
    private final boolean configured;

    protected VendorPort(Provider provider, boolean configured) {
        this.provider = provider;
        this.configured = configured;
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
