package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.provider.ConnectionId;

/**
 * Deletes a connection; 409 {@code provider_connection.in_use}, naming the pools, while it serves pools that
 * have numbers of its provider.
 */
public interface DeleteProviderConnectionUseCase {
    void deleteProviderConnection(Caller caller, ConnectionId id);
}
