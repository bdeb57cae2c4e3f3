package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.in.provider.WebhookConnectionUseCase;
import dev.poolkeeper.application.port.out.provider.ProviderConnectionRepository;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.Optional;

public final class WebhookConnectionService implements WebhookConnectionUseCase {
    private final ProviderConnectionRepository connections;

    public WebhookConnectionService(ProviderConnectionRepository connections) {
        this.connections = connections;
    }

    @Override
    public Optional<ProviderConnection> webhookConnection(Provider provider, ConnectionId id) {
        return connections.findById(id).filter(c -> c.provider() == provider);
    }
}
