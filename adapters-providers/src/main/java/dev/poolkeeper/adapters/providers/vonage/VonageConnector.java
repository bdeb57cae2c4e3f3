package dev.poolkeeper.adapters.providers.vonage;

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

/**
 * A Vonage account of one Poolkeeper account: its API key and secret; a base URL, where the instance allows
 * one, stands for both the Number Pools API and the SMS API.
 */
@Singleton
final class VonageConnector implements MessagingConnector {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField("api_key", true, "the Vonage API key"),
            new CredentialField("api_secret", true, "the Vonage API secret"),
            new CredentialField("signature_secret", false, "the SMS API signature secret, to verify this account's"
                    + " webhooks"),
            new CredentialField("signature_method", false, "as chosen in the dashboard: md5hash, md5, sha1, sha256"
                    + " (the default) or sha512", List.of("md5hash", "md5", "sha1", "sha256", "sha512")));

    private final ProviderHttp http;
    private final VonageAccount instance;

    VonageConnector(ProviderHttp http, VonageAccount instance) {
        this.http = http;
        this.instance = instance;
    }

    @Override
    public Provider provider() {
        return Provider.VONAGE;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    private VonageAccount account(ProviderConnection c) {
        return new VonageAccount(c.baseUrl().orElse(instance.baseUrl), c.baseUrl().orElse(instance.smsBaseUrl),
                c.credentials().require("api_key"), c.credentials().require("api_secret"));
    }

    @Override
    public SmsPort sms(ProviderConnection connection) {
        return new VonageSms(http, account(connection));
    }

    @Override
    public ProviderPoolPort pools(ProviderConnection connection) {
        return new VonagePools(http, account(connection));
    }

    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        return new VonagePools(http, account(connection)).check();
    }
}
