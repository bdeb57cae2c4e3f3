package dev.poolkeeper.adapters.providers.pinpoint;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.provider.MessagingConnector;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An AWS account of one Poolkeeper account: region and static keys (the default credentials chain is the
 * instance's alone); a base URL, where the instance allows one, is the endpoint. One SDK client per
 * connection, replaced (and closed) when the connection changes.
 */
@Singleton
final class PinpointConnector implements MessagingConnector {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField("region", true, "the AWS region, for example us-east-1"),
            new CredentialField("access_key_id", true, "an IAM access key id"),
            new CredentialField("secret_access_key", true, "its secret access key"),
            new CredentialField("topic_arns", false, "the SNS topic ARNs (comma-separated) whose events this"
                    + " account's webhook route accepts"));

    private record Client(Instant version, PinpointClient client) {
    }

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final double perSecond;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    PinpointConnector(@Value("${poolkeeper.providers.connect-timeout:PT2S}") Duration connectTimeout,
                      @Value("${poolkeeper.providers.request-timeout:PT10S}") Duration requestTimeout,
                      @Value("${poolkeeper.providers.pinpoint.management-requests-per-second:1}") double perSecond) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.perSecond = perSecond;
    }

    @Override
    public Provider provider() {
        return Provider.PINPOINT;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    private PinpointClient client(ProviderConnection c) {
        Client current = clients.compute(c.id().value(), (id, old) -> {
            if (old != null && old.version().equals(c.updatedAt())) {
                return old;
            }
            if (old != null) {
                old.client().close();
            }
            return new Client(c.updatedAt(), new PinpointClient(c.baseUrl().orElse(""), c.credentials().require("region"),
                    c.credentials().require("access_key_id"), c.credentials().require("secret_access_key"),
                    connectTimeout, requestTimeout));
        });
        return current.client();
    }

    @Override
    public SmsPort sms(ProviderConnection connection) {
        return new PinpointSms(client(connection));
    }

    @Override
    public ProviderPoolPort pools(ProviderConnection connection) {
        return new PinpointPools(client(connection), perSecond);
    }

    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        return new PinpointPools(client(connection), perSecond).check();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(c -> c.client().close());
    }
}
