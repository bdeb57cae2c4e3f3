package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.in.provider.ConnectionCommand;
import dev.poolkeeper.application.port.in.provider.UpdateProviderConnectionUseCase;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.Credentials;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.util.Optional;

/** Credentials change field by field: a field not given keeps its value, one given blank is removed. */
public final class UpdateProviderConnectionService implements UpdateProviderConnectionUseCase {
    private final ProviderConnections connections;
    private final ProviderPorts ports;
    private final Clock clock;

    public UpdateProviderConnectionService(ProviderConnections connections, ProviderPorts ports, Clock clock) {
        this.connections = connections;
        this.ports = ports;
        this.clock = clock;
    }

    @Override
    public ProviderConnection updateProviderConnection(ConnectionId id, ConnectionCommand changes) {
        ProviderConnection current = connections.require(changes.caller(), id);
        if (changes.provider().isPresent() && changes.provider().get() != current.provider()) {
            throw DomainException.invalidField("provider", "a connection's provider cannot change");
        }
        Credentials credentials = connections.credentials(current.provider(),
                current.credentials().with(changes.credentials()));
        Optional<String> baseUrl = changes.baseUrl().isPresent() ? connections.baseUrl(changes.baseUrl().get())
                : current.baseUrl();
        ProviderConnection updated = current.changed(changes.name().orElse(current.name()), credentials, baseUrl,
                Times.now(clock));
        if (!connections.repository().update(updated)) {
            throw new DomainException(ErrorCode.PROVIDER_CONNECTION_NAME_TAKEN, "the account has a connection named "
                    + updated.name());
        }
        ports.forget(changes.caller().accountId());
        return updated;
    }
}
