package dev.poolkeeper.adapters.providers.telnyx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelnyxSmsTest {
    private final WireMockServer stub = ProviderStubs.start();
    private final TelnyxSms telnyx = new TelnyxSms(ProviderStubs.http(), new TelnyxAccount(stub.baseUrl(), "KEY0123"));

    @AfterEach
    void stop() {
        stub.stop();
    }

    @Test
    void sendsFromToTextWithTheBearerKeyAndReadsDataId() {
        stub.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"record_type\":\"message\",\"direction\":\"outbound\","
                        + "\"id\":\"40385f64-5717-4562-b3fc-2c963f66afa6\",\"type\":\"SMS\","
                        + "\"to\":[{\"phone_number\":\"+12125550100\",\"status\":\"queued\"}]}}")));
        assertEquals(new SendResult.Accepted("40385f64-5717-4562-b3fc-2c963f66afa6"), telnyx.send(ProviderStubs.sms()));
        stub.verify(1, postRequestedFor(urlEqualTo("/v2/messages"))
                .withHeader("Authorization", equalTo("Bearer KEY0123"))
                .withRequestBody(equalToJson("{\"from\":\"+14155550100\",\"to\":\"+12125550100\","
                        + "\"text\":\"hello & bye\"}")));
    }

    @Test
    void anAlphanumericSenderGoesThroughThePoolsMessagingProfileAndANumberNeedsNone() {
        stub.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"id\":\"m-1\"}}")));
        assertTrue(telnyx.capabilities().alphanumeric().sends(true));
        assertTrue(!telnyx.capabilities().alphanumeric().sends(false), "no profile, no alphanumeric sender");
        OutboundSms base = ProviderStubs.sms();
        telnyx.send(new OutboundSms("Acme", base.to(), "hi", base.reference(), Optional.of("profile-1")));
        telnyx.send(new OutboundSms("+14155550100", base.to(), "hi", base.reference(), Optional.of("profile-1")));
        stub.verify(1, postRequestedFor(urlEqualTo("/v2/messages")).withRequestBody(equalToJson(
                "{\"from\":\"Acme\",\"to\":\"+12125550100\",\"text\":\"hi\",\"messaging_profile_id\":\"profile-1\"}")));
        stub.verify(1, postRequestedFor(urlEqualTo("/v2/messages")).withRequestBody(equalToJson(
                "{\"from\":\"+14155550100\",\"to\":\"+12125550100\",\"text\":\"hi\"}")));
    }

    @Test
    void aTelnyxErrorIsARefusalThatKeepsItsCodeAndTitle() {
        stub.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":\"40013\",\"title\":\"Invalid source number\","
                        + "\"detail\":\"The source number is not associated with a messaging profile\"}]}")));
        SendResult result = telnyx.send(ProviderStubs.sms());
        assertInstanceOf(SendResult.Refused.class, result);
        assertTrue(result.detail().contains("40013") && result.detail().contains("Invalid source number"));
    }

}
