package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.Optional;

/**
 * The connection a provider's callback names in its URL ({@code /v1/webhooks/{provider}/connections/{id}/…}):
 * its secrets verify the callback, and what the callback says may only concern its account.
 */
public interface WebhookConnectionUseCase {
    /** Empty when there is no such connection to that provider. */
    Optional<ProviderConnection> webhookConnection(Provider provider, ConnectionId id);
}
