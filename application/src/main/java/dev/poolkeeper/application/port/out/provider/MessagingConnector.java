package dev.poolkeeper.application.port.out.provider;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.provider.ProviderConnection;

/**
 * A sending provider's connector: the same sender and pool port its slice offers for the instance's
 * credentials, bound to the connection's.
 */
public interface MessagingConnector extends ProviderConnector {
    SmsPort sms(ProviderConnection connection);

    ProviderPoolPort pools(ProviderConnection connection);
}
