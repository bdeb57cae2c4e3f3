package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.provider.ListProviderConnectionsUseCase;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.List;

public final class ListProviderConnectionsService implements ListProviderConnectionsUseCase {
    private final ProviderConnections connections;

    public ListProviderConnectionsService(ProviderConnections connections) {
        this.connections = connections;
    }

    @Override
    public Page<ProviderConnection> listProviderConnections(Caller caller, PageRequest page) {
        return connections.repository().list(caller.accountId(), page);
    }

    @Override
    public ProviderConnection getProviderConnection(Caller caller, ConnectionId id) {
        return connections.require(caller, id);
    }

    @Override
    public List<CredentialField> credentialFields(Provider provider) {
        return connections.fields(provider);
    }
}
