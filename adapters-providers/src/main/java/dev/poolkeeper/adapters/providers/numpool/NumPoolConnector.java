package dev.poolkeeper.adapters.providers.numpool;

import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.canary.InboxRentalException;
import dev.poolkeeper.application.port.out.canary.InboxRentalPort;
import dev.poolkeeper.application.port.out.provider.InboxConnector;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * NumPool rents US numbers with a readable inbox. It cannot send, so it has no instance credentials and no
 * sender: an account connects its own NumPool key to rent canary inboxes.
 */
@Singleton
final class NumPoolConnector implements InboxConnector {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField("api_key", true, "a NumPool API key (np_live_…)"));

    private final ProviderHttp http;
    private final JsonMapper json;
    private final String baseUrl;

    NumPoolConnector(ProviderHttp http, JsonMapper json,
                     @Value("${poolkeeper.providers.numpool.base-url:https://numpool.com/api/v1}") String baseUrl) {
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    @Override
    public Provider provider() {
        return Provider.NUMPOOL;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    @Override
    public InboxRentalPort rentals(ProviderConnection connection) {
        return port(connection);
    }

    /** NumPool allows 60 requests a minute per key. */
    @Override
    public double callsPerSecond() {
        return 1.0;
    }

    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        try {
            return new ConnectionCheck(true, port(connection).describe());
        } catch (InboxRentalException e) {
            return new ConnectionCheck(false, e.getMessage());
        }
    }

    private NumPoolRentals port(ProviderConnection c) {
        return new NumPoolRentals(http, json, c.baseUrl().orElse(baseUrl), c.credentials().require("api_key"));
    }
}
