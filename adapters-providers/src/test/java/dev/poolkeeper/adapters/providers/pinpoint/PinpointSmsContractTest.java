package dev.poolkeeper.adapters.providers.pinpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.adapters.providers.SmsPortContract;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/** AWS End User Messaging SMS through the real SDK client: AWS JSON 1.0, {@code SendTextMessage}. */
class PinpointSmsContractTest extends SmsPortContract {
    private final Map<SmsPort, PinpointClient> clients = new IdentityHashMap<>();

    @Override
    protected SmsPort port(String baseUrl) {
        PinpointClient client = new PinpointClient(baseUrl, "us-east-1", "AKIDTESTING", "secret",
                Duration.ofSeconds(1), ProviderStubs.TIMEOUT);
        PinpointSms port = new PinpointSms(client);
        clients.put(port, client);
        return port;
    }

    @Override
    protected void close(SmsPort port) {
        PinpointClient client = clients.remove(port);
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("PinpointSMSVoiceV2.SendTextMessage"));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.pinpointsmsvoicev2#" + type + "\",\"Message\":\"" + message + "\"}");
    }

    @Override
    protected ResponseDefinitionBuilder accepted(String providerId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"MessageId\":\"" + providerId + "\"}");
    }

    @Override
    protected ResponseDefinitionBuilder refused(String words) {
        return error(400, "ValidationException", words);
    }

    @Override
    protected ResponseDefinitionBuilder throttled() {
        return error(400, "ThrottlingException", "Rate exceeded");
    }

    @Override
    protected ResponseDefinitionBuilder failed() {
        return error(500, "InternalServerException", "oops");
    }
}
