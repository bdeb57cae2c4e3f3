package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.List;

/** The account's connections, and one of them ({@code provider_connection.not_found} otherwise). */
public interface ListProviderConnectionsUseCase {
    Page<ProviderConnection> listProviderConnections(Caller caller, PageRequest page);

    ProviderConnection getProviderConnection(Caller caller, ConnectionId id);

    /** The fields a connection to the provider takes. */
    List<CredentialField> credentialFields(Provider provider);
}
