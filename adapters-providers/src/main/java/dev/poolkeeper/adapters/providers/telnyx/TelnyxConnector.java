package dev.poolkeeper.adapters.providers.telnyx;

import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.provider.MessagingConnector;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import jakarta.inject.Singleton;
import java.util.List;

/** A Telnyx account of one Poolkeeper account: its API v2 key. */
@Singleton
final class TelnyxConnector implements MessagingConnector {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField("api_key", true, "a Telnyx API v2 key"),
            new CredentialField("public_key", false, "the account's webhook public key (base64, as Mission Control"
                    + " shows it), to verify this account's webhooks"));

    private final ProviderHttp http;
    private final TelnyxAccount instance;

    TelnyxConnector(ProviderHttp http, TelnyxAccount instance) {
        this.http = http;
        this.instance = instance;
    }

    @Override
    public Provider provider() {
        return Provider.TELNYX;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    private TelnyxAccount account(ProviderConnection c) {
        return new TelnyxAccount(c.baseUrl().orElse(instance.baseUrl()), c.credentials().require("api_key"));
    }

    @Override
    public SmsPort sms(ProviderConnection connection) {
        return new TelnyxSms(http, account(connection));
    }

    @Override
    public ProviderPoolPort pools(ProviderConnection connection) {
        return new TelnyxPools(http, account(connection));
    }

    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        return new TelnyxPools(http, account(connection)).check();
    }
}
