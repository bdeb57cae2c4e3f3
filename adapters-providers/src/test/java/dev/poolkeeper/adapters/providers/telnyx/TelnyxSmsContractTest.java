package dev.poolkeeper.adapters.providers.telnyx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.adapters.providers.SmsPortContract;
import dev.poolkeeper.application.port.out.messaging.SmsPort;

/** Telnyx API v2: {@code POST /v2/messages}, {@code {"data": {"id"}}}, {@code {"errors": [...]}}. */
class TelnyxSmsContractTest extends SmsPortContract {
    @Override
    protected SmsPort port(String baseUrl) {
        return new TelnyxSms(ProviderStubs.http(), new TelnyxAccount(baseUrl, "KEY0123"));
    }

    @Override
    protected MappingBuilder sendRequest() {
        return post(urlEqualTo("/v2/messages"));
    }

    @Override
    protected ResponseDefinitionBuilder accepted(String providerId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"record_type\":\"message\",\"id\":\"" + providerId + "\"}}");
    }

    @Override
    protected ResponseDefinitionBuilder refused(String words) {
        return aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":\"40013\",\"title\":\"" + words + "\"}]}");
    }

    @Override
    protected ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("x-ratelimit-reset", "2");
    }

    @Override
    protected ResponseDefinitionBuilder failed() {
        return aResponse().withStatus(503);
    }
}
