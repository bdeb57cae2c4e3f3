package dev.poolkeeper.adapters.providers.pinpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real AWS SDK client against WireMock: the wire format is the SDK's (AWS JSON 1.0, SigV4). */
class PinpointSmsTest {
    private final WireMockServer stub = ProviderStubs.start();
    private final PinpointClient client = client(stub.baseUrl());
    private final PinpointSms pinpoint = new PinpointSms(client);

    private static PinpointClient client(String endpoint) {
        return new PinpointClient(endpoint, "us-east-1", "AKIDTESTING", "secret", Duration.ofSeconds(1),
                ProviderStubs.TIMEOUT);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.stop();
    }

    private void answer(ResponseDefinitionBuilder response) {
        stub.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("PinpointSMSVoiceV2.SendTextMessage"))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.pinpointsmsvoicev2#" + type + "\",\"Message\":\"" + message
                        + "\"}");
    }

    @Test
    void sendTextMessageCarriesTheNumberAsOriginationIdentity() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"MessageId\":\"pp-123\"}"));
        assertEquals(new SendResult.Accepted("pp-123"), pinpoint.send(ProviderStubs.sms()));
        stub.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.0"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDTESTING/\\d{8}/us-east-1/"
                        + "sms-voice/aws4_request, .*"))
                .withRequestBody(equalToJson("{\"DestinationPhoneNumber\":\"+12125550100\","
                        + "\"OriginationIdentity\":\"+14155550100\",\"MessageBody\":\"hello & bye\"}")));
    }

    @Test
    void aValidationErrorIsARefusalWithTheAwsCode() {
        answer(error(400, "ValidationException", "Invalid origination identity"));
        SendResult result = pinpoint.send(ProviderStubs.sms());
        assertInstanceOf(SendResult.Refused.class, result);
        assertTrue(result.detail().contains("ValidationException"), result.detail());
    }

}
