package dev.poolkeeper.adapters.providers.telnyx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.PoolPortContract;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * Telnyx messaging profiles (API v2) against their stateful stub: a profile with number pool settings is the
 * provider's pool, a number joins it by its messaging settings, {@code page[number]} paging.
 */
class TelnyxPoolsContractTest extends PoolPortContract {
    private final TelnyxProfilesSimulator simulator = new TelnyxProfilesSimulator("KEY0123");
    private final WireMockServer stub = ProviderStubs.simulate(simulator, "/v2/.*");

    @AfterEach
    void stopStub() {
        stub.stop();
    }

    private ProviderPoolPort port(String key) {
        return new TelnyxPools(ProviderStubs.http(), new TelnyxAccount(stub.baseUrl(), key));
    }

    @Override
    protected ProviderPoolPort port() {
        return port("KEY0123");
    }

    @Override
    protected boolean disown(PhoneNumber number) {
        simulator.notOwned.add(number.e164());
        return true;
    }

    @Override
    protected Optional<Wire> wire() {
        return Optional.of(new Wire(stub, () -> port("KEY-UNKNOWN"),
                aResponse().withStatus(429).withHeader("x-ratelimit-reset", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"10011\",\"title\":\"Too many requests\"}]}"),
                aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"10007\",\"title\":\"Unexpected error\"}]}")));
    }
}
