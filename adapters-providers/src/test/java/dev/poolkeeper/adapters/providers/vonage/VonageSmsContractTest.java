package dev.poolkeeper.adapters.providers.vonage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.adapters.providers.SmsPortContract;
import dev.poolkeeper.application.port.out.messaging.SmsPort;

/** Vonage SMS API: {@code POST /sms/json} as a form, every answer a 200 whose {@code messages[0].status} says. */
class VonageSmsContractTest extends SmsPortContract {
    @Override
    protected SmsPort port(String baseUrl) {
        return new VonageSms(ProviderStubs.http(), new VonageAccount(baseUrl, baseUrl, "key", "secret"));
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/sms/json"));
    }

    private static ResponseDefinitionBuilder message(String status, String rest) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"message-count\":\"1\",\"messages\":[{\"to\":\"12125550100\",\"status\":\"" + status + "\","
                        + rest + "}]}");
    }

    @Override
    protected ResponseDefinitionBuilder accepted(String providerId) {
        return message("0", "\"message-id\":\"" + providerId + "\"");
    }

    @Override
    protected ResponseDefinitionBuilder refused(String words) {
        return message("15", "\"error-text\":\"" + words + "\"");
    }

    @Override
    protected ResponseDefinitionBuilder throttled() {
        return message("1", "\"error-text\":\"Throughput Rate Exceeded\"");
    }

    @Override
    protected ResponseDefinitionBuilder failed() {
        return aResponse().withStatus(500);
    }
}
