package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.provider.TestProviderConnectionUseCase;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;

public final class TestProviderConnectionService implements TestProviderConnectionUseCase {
    private final ProviderConnections connections;

    public TestProviderConnectionService(ProviderConnections connections) {
        this.connections = connections;
    }

    @Override
    public ConnectionCheck testProviderConnection(Caller caller, ConnectionId id) {
        ProviderConnection connection = connections.require(caller, id);
        return connections.connector(connection.provider()).check(connection);
    }
}
