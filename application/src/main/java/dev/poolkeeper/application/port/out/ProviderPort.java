package dev.poolkeeper.application.port.out;

import dev.poolkeeper.domain.number.Provider;

/** What every port to one provider's API says of itself. */
public interface ProviderPort {
    Provider provider();

    /** False when the provider has no credentials: its calls answer {@code provider.not_configured}. */
    boolean configured();
}
