package dev.poolkeeper.application.port.in.provider;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.ConnectionId;

/** One harmless read at the provider with the connection's credentials, and what it found. */
public interface TestProviderConnectionUseCase {
    ConnectionCheck testProviderConnection(Caller caller, ConnectionId id);
}
