package dev.poolkeeper.adapters.providers.vonage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import java.time.Duration;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VonageSmsTest {
    private final WireMockServer stub = ProviderStubs.start();
    private final VonageSms vonage = new VonageSms(ProviderStubs.http(), new VonageAccount(stub.baseUrl(), stub.baseUrl(), "key", "secret"));

    @AfterEach
    void stop() {
        stub.stop();
    }

    private void answer(String status, String errorText) {
        stub.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message-count\":\"1\",\"messages\":[{\"to\":\"12125550100\",\"status\":\"" + status + "\""
                        + (errorText == null ? ",\"message-id\":\"0A0000000123ABCD1\"" : ",\"error-text\":\"" + errorText
                        + "\"") + "}]}")));
    }

    @Test
    void sendsTheSmsApiFormWithDigitsAndReadsTheMessageId() {
        answer("0", null);
        SendResult result = vonage.send(ProviderStubs.sms());
        assertEquals(new SendResult.Accepted("0A0000000123ABCD1"), result);
        stub.verify(1, postRequestedFor(urlEqualTo("/sms/json"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(containing("api_key=key"))
                .withRequestBody(containing("api_secret=secret"))
                .withRequestBody(containing("from=14155550100"))
                .withRequestBody(containing("to=12125550100"))
                .withRequestBody(containing("text=hello+%26+bye")));
    }

    @Test
    void throttledAndInternalErrorStatusesSentNothingOtherStatusesAreRefusals() {
        answer("1", "Throughput Rate Exceeded");
        assertInstanceOf(SendResult.NotSent.class, vonage.send(ProviderStubs.sms()));
        answer("15", "Illegal Sender Address - rejected");
        SendResult refused = vonage.send(ProviderStubs.sms());
        assertInstanceOf(SendResult.Refused.class, refused);
        assertTrue(refused.detail().contains("Illegal Sender Address"), refused.detail());
    }

    @Test
    void withoutKeyAndSecretItIsNotConfigured() {
        assertEquals(false, new VonageSms(ProviderStubs.http(), new VonageAccount(stub.baseUrl(), stub.baseUrl(), "",
                "secret")).configured());
        assertEquals(true, vonage.configured());
    }

    @Test
    void a200InAShapeVonageDoesNotDocumentMayHaveBeenSentNeverRefused() {
        for (String body : java.util.List.of("{\"messages\":[\"0\"]}", "{\"messages\":[1,2]}", "{\"messages\":[]}",
                "{}", "not json", "{\"messages\":{\"status\":\"0\"}}")) {
            stub.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body)));
            SendResult result = vonage.send(ProviderStubs.sms());
            assertInstanceOf(SendResult.Unknown.class, result, body + " -> " + result);
        }
    }

    @Test
    void headersFollowedByAStalledBodyAreCutOffAtTheTimeoutNotWhenTheProviderFinishes() {
        Duration dribble = ProviderStubs.TIMEOUT.multipliedBy(5);
        stub.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message-count\":\"1\",\"messages\":[{\"status\":\"0\",\"message-id\":\"0A01\"}]}")
                .withChunkedDribbleDelay(40, (int) dribble.toMillis())));
        long start = System.nanoTime();
        SendResult result = vonage.send(ProviderStubs.sms());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(SendResult.Unknown.class, result, result.toString());
        assertTrue(took.compareTo(dribble.minus(ProviderStubs.TIMEOUT)) < 0,
                "bounded by connect + request timeout, not the provider's " + dribble + ": took " + took);
    }

    @Test
    void anAnswerLargerThanTheBoundIsNotReadAndMayHaveBeenSent() {
        stub.stubFor(post(urlEqualTo("/sms/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"pad\":\"" + "x".repeat(ProviderHttp.MAX_BODY_BYTES + 10) + "\"}")));
        assertInstanceOf(SendResult.Unknown.class, vonage.send(ProviderStubs.sms()));
    }
}
