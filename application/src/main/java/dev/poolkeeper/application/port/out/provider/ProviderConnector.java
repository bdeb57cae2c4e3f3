package dev.poolkeeper.application.port.out.provider;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.number.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.List;

/**
 * What a provider's slice builds from an account's own connection: the same sender and pool port it
 * offers for the instance's credentials, bound to the connection's; and one harmless read to check them.
 */
public interface ProviderConnector {
    Provider provider();

    /** The fields a connection to this provider takes. */
    List<CredentialField> credentialFields();

    SmsPort sms(ProviderConnection connection);

    ProviderPoolPort pools(ProviderConnection connection);

    /** One read at the provider that changes nothing, and what it found; never throws for the provider's answer. */
    ConnectionCheck check(ProviderConnection connection);
}
