package dev.poolkeeper.adapters.providers.pinpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.poolkeeper.adapters.providers.PoolPortContract;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * AWS End User Messaging SMS pools through the real SDK client against the stateful stub: AWS JSON 1.0,
 * pools created with their first number and {@code CREATING} for a while, {@code NextToken} paging, opt-out
 * lists.
 */
class PinpointPoolsContractTest extends PoolPortContract {
    private static final String ACCESS_KEY = "AKIDCONTRACT";
    private final PinpointPoolsSimulator simulator = new PinpointPoolsSimulator(ACCESS_KEY);
    private final WireMockServer stub = ProviderStubs.simulate(simulator, "/");
    private final List<PinpointClient> clients = new ArrayList<>();

    @AfterEach
    void stopStub() {
        clients.forEach(PinpointClient::close);
        stub.stop();
    }

    private ProviderPoolPort port(String accessKey) {
        PinpointClient client = new PinpointClient(stub.baseUrl(), "us-east-1", accessKey, "secret",
                Duration.ofSeconds(1), ProviderStubs.TIMEOUT);
        clients.add(client);
        return new PinpointPools(client, 1000);
    }

    @Override
    protected ProviderPoolPort port() {
        return port(ACCESS_KEY);
    }

    @Override
    protected void hold(Set<PhoneNumber> numbers) {
        numbers.forEach(n -> simulator.own(n.e164()));
    }

    @Override
    protected boolean disown(PhoneNumber number) {
        simulator.owned.remove(number.e164());
        return true;
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.pinpointsmsvoicev2#" + type + "\",\"Message\":\"" + message + "\"}");
    }

    @Override
    protected Optional<Wire> wire() {
        return Optional.of(new Wire(stub, () -> port("AKIDUNKNOWN"),
                error(400, "ThrottlingException", "Rate exceeded"),
                error(500, "InternalServerException", "Internal failure")));
    }
}
