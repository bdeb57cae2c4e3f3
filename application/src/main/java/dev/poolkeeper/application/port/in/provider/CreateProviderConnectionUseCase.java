package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.domain.provider.ProviderConnection;

/**
 * Stores an account's credentials at a provider. 400 for a missing or unknown credential field, or a base
 * URL where the instance allows none; 409 {@code provider_connection.name_taken}.
 */
public interface CreateProviderConnectionUseCase {
    ProviderConnection createProviderConnection(ConnectionCommand command);
}
