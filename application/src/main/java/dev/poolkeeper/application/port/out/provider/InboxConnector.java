package dev.poolkeeper.application.port.out.provider;

import dev.poolkeeper.application.port.out.canary.InboxRentalPort;
import dev.poolkeeper.domain.provider.ProviderConnection;

/** A provider that rents numbers with a readable inbox: its port bound to the connection's credentials. */
public interface InboxConnector extends ProviderConnector {
    InboxRentalPort rentals(ProviderConnection connection);

    /** The provider's rate limit per key, in calls a second. */
    double callsPerSecond();
}
