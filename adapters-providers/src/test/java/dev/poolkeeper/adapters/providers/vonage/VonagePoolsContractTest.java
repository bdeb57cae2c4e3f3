package dev.poolkeeper.adapters.providers.vonage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.PoolPortContract;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** Vonage Number Pools API 2.0 against its stateful stub: Basic auth, HAL pages, 207 on a partial add. */
class VonagePoolsContractTest extends PoolPortContract {
    private static final String KEY = "abcd1234";
    private final VonagePoolsSimulator simulator = new VonagePoolsSimulator(KEY, "vonage-secret");
    private final WireMockServer stub = ProviderStubs.simulate(simulator, "/v2/numberpools/.*");

    @AfterEach
    void stopStub() {
        stub.stop();
    }

    private ProviderPoolPort port(String secret) {
        return new VonagePools(ProviderStubs.http(), new VonageAccount(stub.baseUrl(), stub.baseUrl(), KEY, secret));
    }

    @Override
    protected ProviderPoolPort port() {
        return port("vonage-secret");
    }

    @Override
    protected boolean disown(PhoneNumber number) {
        simulator.notSubscribed.add(number.e164().substring(1)); // Vonage writes MSISDNs without the +
        return true;
    }

    @Override
    protected Optional<Wire> wire() {
        return Optional.of(new Wire(stub, () -> port("not-the-secret"),
                aResponse().withStatus(429).withHeader("Retry-After", "2"), aResponse().withStatus(503)));
    }
}
