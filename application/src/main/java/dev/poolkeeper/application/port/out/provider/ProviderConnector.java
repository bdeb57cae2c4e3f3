package dev.poolkeeper.application.port.out.provider;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.List;

/**
 * What every provider's slice offers for an account's own connection: the fields it takes and one harmless
 * read to check them. What it builds from the connection depends on what the provider is:
 * {@link MessagingConnector} for providers that send, {@link InboxConnector} for rented inboxes.
 */
public interface ProviderConnector {
    Provider provider();

    /** The fields a connection to this provider takes. */
    List<CredentialField> credentialFields();

    /** One read at the provider that changes nothing, and what it found; never throws for the provider's answer. */
    ConnectionCheck check(ProviderConnection connection);
}
