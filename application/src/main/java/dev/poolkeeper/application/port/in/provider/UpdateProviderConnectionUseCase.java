package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;

/** Renames a connection or changes its credentials or base URL; the provider cannot change. */
public interface UpdateProviderConnectionUseCase {
    ProviderConnection updateProviderConnection(ConnectionId id, ConnectionCommand changes);
}
