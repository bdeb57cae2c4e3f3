package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.provider.MessagingConnector;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.ProviderConnection;
import jakarta.inject.Singleton;
import java.util.List;

/** The sandbox takes no credentials: a connection to it is the instance's sandbox, under a name. */
@Singleton
final class SandboxConnector implements MessagingConnector {
    private final SandboxSms sms;
    private final SandboxPools pools;
    private final SandboxNetwork network;

    SandboxConnector(SandboxSms sms, SandboxPools pools, SandboxNetwork network) {
        this.sms = sms;
        this.pools = pools;
        this.network = network;
    }

    @Override
    public Provider provider() {
        return Provider.SANDBOX;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of();
    }

    @Override
    public SmsPort sms(ProviderConnection connection) {
        return sms;
    }

    @Override
    public ProviderPoolPort pools(ProviderConnection connection) {
        return pools;
    }

    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        return network.enabled() ? new ConnectionCheck(true, "the sandbox answers; it holds "
                + network.pools.size() + " pools")
                : new ConnectionCheck(false, "the sandbox provider is not enabled on this instance");
    }
}
