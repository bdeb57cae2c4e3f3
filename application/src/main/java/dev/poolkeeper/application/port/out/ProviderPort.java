package dev.poolkeeper.application.port.out;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;

/** What every port to one provider's API says of itself. */
public interface ProviderPort {
    Provider provider();

    /** What the provider can do; the core reads this instead of naming providers. */
    ProviderCapabilities capabilities();

    /** False when the provider has no credentials: its calls answer {@code provider.not_configured}. */
    boolean configured();
}
