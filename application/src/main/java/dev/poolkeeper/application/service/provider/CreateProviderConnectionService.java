package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.in.provider.ConnectionCommand;
import dev.poolkeeper.application.port.in.provider.CreateProviderConnectionUseCase;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.Credentials;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;

public final class CreateProviderConnectionService implements CreateProviderConnectionUseCase {
    private final ProviderConnections connections;
    private final ProviderPorts ports;
    private final Clock clock;

    public CreateProviderConnectionService(ProviderConnections connections, ProviderPorts ports, Clock clock) {
        this.connections = connections;
        this.ports = ports;
        this.clock = clock;
    }

    @Override
    public ProviderConnection createProviderConnection(ConnectionCommand command) {
        Provider provider = command.provider().orElseThrow(() -> DomainException.invalidField("provider", "is required"));
        String name = command.name().orElseThrow(() -> DomainException.invalidField("name", "is required"));
        Credentials credentials = connections.credentials(provider, new Credentials(command.credentials()));
        Instant now = Times.now(clock);
        ProviderConnection connection = new ProviderConnection(ConnectionId.newId(now), command.caller().accountId(),
                provider, name, credentials, connections.baseUrl(command.baseUrl().flatMap(b -> b)), now, now);
        if (!connections.repository().insert(connection)) {
            throw new DomainException(ErrorCode.PROVIDER_CONNECTION_NAME_TAKEN, "the account has a connection named "
                    + name);
        }
        ports.forget(command.caller().accountId());
        return connection;
    }
}
