package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending and what comes back, over real HTTP, with the three providers simulated by WireMock stubs
 * in their documented wire formats (Vonage SMS API, Telnyx {@code POST /v2/messages}, Pinpoint
 * {@code SendTextMessage} through the real AWS SDK client) and webhooks signed as the providers sign them.
 */
class MessagingApiTest {
    private static final String SNS_TOPIC = "arn:aws:sns:us-east-1:123456789012:sms-events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TO = "+12125550100";
    private static final String TELNYX_SEND = "/v2/messages";
    private static final String VONAGE_SEND = "/sms/json";

    private static WireMockServer providers;
    private static ProviderSigners signers;
    private static TestServer server;

    @BeforeAll
    static void start() {
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
        signers = new ProviderSigners();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("poolkeeper.providers.vonage.sms-base-url", providers.baseUrl());
        config.put("poolkeeper.providers.vonage.api-key", "vonage-key");
        config.put("poolkeeper.providers.vonage.api-secret", "vonage-secret");
        config.put("poolkeeper.providers.vonage.signature-secret", ProviderSigners.VONAGE_SECRET);
        config.put("poolkeeper.providers.telnyx.base-url", providers.baseUrl());
        config.put("poolkeeper.providers.telnyx.api-key", "telnyx-key");
        config.put("poolkeeper.providers.telnyx.public-key", signers.telnyxPublicKey());
        config.put("poolkeeper.providers.pinpoint.endpoint", providers.baseUrl());
        config.put("poolkeeper.providers.pinpoint.region", "us-east-1");
        config.put("poolkeeper.providers.pinpoint.access-key-id", "AKIDTESTING");
        config.put("poolkeeper.providers.pinpoint.secret-access-key", "pinpoint-secret");
        config.put("poolkeeper.providers.pinpoint.sns-url-pattern", "^" + providers.baseUrl() + "/sns/");
        config.put("poolkeeper.providers.pinpoint.topic-arns", SNS_TOPIC + ", arn:aws:sns:us-east-1:123456789012:other");
        // generous: a cold first call on a loaded CI machine must not look like a lost answer
        config.put("poolkeeper.providers.request-timeout", "PT3S");
        config.put("poolkeeper.send-budget.long-code", 1000);
        config.put("poolkeeper.send-budget.numbers", "+14155550130=1,+14155550131=0.05");
        config.put("poolkeeper.instances.heartbeat-interval", "200ms");
        config.put("poolkeeper.health.window", 4);
        config.put("poolkeeper.health.min-receipts", 4);
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
        providers.stop();
        Api.assertServedAsDocumented();
    }

    /** What Poolkeeper sent to Telnyx conforms to Telnyx's own OpenAPI document. */
    @org.junit.jupiter.api.AfterEach
    void telnyxRequestsMatchTheTelnyxSpec() {
        assertEquals(List.of(), SpecValidator.telnyx().violations(providers.findAll(
                postRequestedFor(urlEqualTo(TELNYX_SEND)))));
        assertEquals(List.of(), SpecValidator.vonageSms().violations(providers.findAll(
                postRequestedFor(urlEqualTo(VONAGE_SEND)))));
        assertEquals(List.of(), SpecValidator.pinpoint().violations(providers.findAll(
                postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("PinpointSMSVoiceV2\\..*")))));
    }

    @BeforeEach
    void acceptEverything() {
        providers.resetAll();
        providers.stubFor(telnyxSend().willReturn(telnyxAccepted()));
        providers.stubFor(vonageSend().willReturn(vonageAccepted()));
        providers.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target",
                        equalTo("PinpointSMSVoiceV2.SendTextMessage"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"MessageId\":\"{{randomValue type='UUID'}}\"}")
                        .withTransformers("response-template")));
        providers.stubFor(get(urlEqualTo("/sns/cert.pem")).willReturn(aResponse().withStatus(200)
                .withBody(signers.snsCertificatePem())));
    }

    private static MappingBuilder telnyxSend() {
        return post(urlEqualTo(TELNYX_SEND));
    }

    private static MappingBuilder vonageSend() {
        return post(urlEqualTo(VONAGE_SEND));
    }

    private static ResponseDefinitionBuilder telnyxAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"record_type\":\"message\",\"direction\":\"outbound\","
                        + "\"id\":\"{{randomValue type='UUID'}}\",\"type\":\"SMS\","
                        + "\"to\":[{\"phone_number\":\"" + TO + "\",\"status\":\"queued\"}]}}")
                .withTransformers("response-template");
    }

    private static ResponseDefinitionBuilder vonageAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"message-count\":\"1\",\"messages\":[{\"to\":\"12125550100\","
                        + "\"message-id\":\"{{randomValue length=18 type='ALPHANUMERIC'}}\",\"status\":\"0\","
                        + "\"remaining-balance\":\"3.14159265\",\"message-price\":\"0.03330000\",\"network\":\"12345\"}]}")
                .withTransformers("response-template");
    }

    private static String number(String e164, String provider) {
        return "{\"number\":\"" + e164 + "\",\"provider\":\"" + provider + "\",\"campaign_id\":\"CABC123\"}";
    }

    private static String poolWith(Api api, String settings, String... members) {
        Api.Response created = api.post("/v1/pools", settings);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        Api.Response added = api.post("/v1/pools/" + id + "/numbers", Api.numbers(members));
        assertEquals(200, added.status(), added.body());
        return id;
    }

    /** Sends and waits for the dispatchers to be done with the message. */
    private static Api.Response send(Api api, String pool, String to, String text, String... headers) {
        return api.sendMessage(body(pool, to, text), headers);
    }

    private static String body(String pool, String to, String text) {
        return "{\"pool_id\":\"" + pool + "\",\"to\":\"" + to + "\",\"text\":\"" + text + "\"}";
    }

    private static List<LoggedRequest> received(String path) {
        return providers.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static Map<String, String> form(String body) {
        return java.util.Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void eachProviderGetsItsOwnRequestAndTheMessageIsSent() throws Exception {
        Api api = server.newAccount();
        String telnyx = poolWith(api, Api.pool("telnyx"), number("+14155550101", "telnyx"));
        String vonage = poolWith(api, Api.pool("vonage"), number("+14155550102", "vonage"));
        String pinpoint = poolWith(api, Api.pool("pinpoint"), number("+14155550103", "pinpoint"));

        Api.Response t = send(api, telnyx, TO, "hello from telnyx");
        assertEquals(202, t.status(), t.body());
        assertEquals("sent", t.json().get("status").asText());
        assertEquals("telnyx", t.json().get("provider").asText());
        assertEquals("/v1/messages/" + t.json().get("id").asText(), t.header("Location"));
        providers.verify(1, postRequestedFor(urlEqualTo(TELNYX_SEND))
                .withHeader("Authorization", equalTo("Bearer telnyx-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"from\":\"+14155550101\",\"to\":\"" + TO
                        + "\",\"text\":\"hello from telnyx\"}")));

        Api.Response v = send(api, vonage, TO, "hello & welcome");
        assertEquals("sent", v.json().get("status").asText(), v.body());
        Map<String, String> vonageForm = form(received(VONAGE_SEND).get(0).getBodyAsString());
        assertEquals("vonage-key", vonageForm.get("api_key"));
        assertEquals("vonage-secret", vonageForm.get("api_secret"));
        assertEquals("14155550102", vonageForm.get("from"), "Vonage numbers are digits without +");
        assertEquals("12125550100", vonageForm.get("to"));
        assertEquals("hello & welcome", vonageForm.get("text"));
        assertEquals(v.json().get("id").asText(), vonageForm.get("client-ref"));

        Api.Response p = send(api, pinpoint, TO, "hello from pinpoint");
        assertEquals("sent", p.json().get("status").asText(), p.body());
        LoggedRequest sdk = received("/").get(0);
        assertTrue(sdk.getHeader("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTING/"));
        assertTrue(sdk.getHeader("Authorization").contains("/us-east-1/sms-voice/aws4_request"));
        JsonNode sdkBody = JSON.readTree(sdk.getBodyAsString());
        assertEquals(TO, sdkBody.get("DestinationPhoneNumber").asText());
        assertEquals("+14155550103", sdkBody.get("OriginationIdentity").asText());
        assertEquals("hello from pinpoint", sdkBody.get("MessageBody").asText());

        Api.Response fetched = api.get("/v1/messages/" + t.json().get("id").asText());
        assertEquals(200, fetched.status());
        assertEquals(t.json().get("provider_message_id"), fetched.json().get("provider_message_id"));
        assertEquals(404, server.newAccount().get("/v1/messages/" + t.json().get("id").asText()).status(),
                "another account's message does not exist");
        assertEquals("message.not_found", api.get("/v1/messages/nonsense").code());

        String metrics = server.anonymous().get("/metrics").body();
        assertTrue(metrics.contains("poolkeeper_sms_sends_seconds_count{outcome=\"accepted\",provider=\"telnyx\"}"),
                "sends are counted by provider and outcome");
        String openapi = server.anonymous().get("/openapi.yml").body();
        assertTrue(openapi.contains("/v1/messages:") && openapi.contains("/v1/messages/{id}:")
                && openapi.contains("/v1/webhooks/{provider}/delivery-receipts:"), "the generated document");
    }

    @Test
    void a503FailsOverToAnotherProvidersNumberWithExactlyOneAcceptedSend() {
        providers.stubFor(vonageSend().willReturn(aResponse().withStatus(503).withBody("unavailable")));
        Api api = server.newAccount();
        // geomatch makes the same-area Vonage number the first choice for a 212 recipient
        String pool = poolWith(api, "{\"name\":\"failover\",\"geomatch\":true,\"fallback\":\"pool\"}",
                number("+12125550199", "vonage"), number("+14155550104", "telnyx"));
        Api.Response r = send(api, pool, TO, "failover");
        assertEquals(202, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals("sent", body.get("status").asText(), body.toString());
        assertEquals("telnyx", body.get("provider").asText());
        assertEquals("+14155550104", body.get("from").asText());
        assertEquals("not_sent", body.get("attempts").get(0).get("outcome").asText());
        assertEquals("vonage", body.get("attempts").get(0).get("provider").asText());
        assertEquals("accepted", body.get("attempts").get(1).get("outcome").asText());
        assertEquals(1, received(VONAGE_SEND).size());
        assertEquals(1, received(TELNYX_SEND).size(), "exactly one accepted send");
        assertTrue(body.get("trace").toString().contains("failover"), body.toString());
    }

    @Test
    void aTimeoutAfterTheRequestWentOutIsNotSentAgainAndItsReceiptReconcilesIt() throws Exception {
        providers.stubFor(telnyxSend().willReturn(telnyxAccepted().withFixedDelay(6000)));
        Api api = server.newAccount();
        String pool = poolWith(api, "{\"name\":\"timeout\",\"geomatch\":true,\"fallback\":\"pool\"}",
                number("+12125550198", "telnyx"), number("+14155550105", "vonage"));
        Api.Response r = send(api, pool, TO, "maybe");
        JsonNode body = r.json();
        assertEquals(202, r.status(), r.body());
        assertEquals("sending", body.get("status").asText(), body.toString());
        assertTrue(body.get("needs_reconciliation").asBoolean());
        assertEquals("unknown", body.get("attempts").get(0).get("outcome").asText());
        assertEquals(1, body.get("attempts").size());
        Thread.sleep(3500); // past the provider's late answer (6 s): still nothing sent again
        assertEquals(1, received(TELNYX_SEND).size());
        assertEquals(0, received(VONAGE_SEND).size(), "no second send through another provider");

        Api.Response receipt = telnyxWebhook("delivery-receipts", telnyxEvent("message.finalized",
                "late-telnyx-id", "+12125550198", TO, "delivered", null));
        assertEquals(200, receipt.status(), receipt.body());
        JsonNode settled = api.get("/v1/messages/" + body.get("id").asText()).json();
        assertEquals("delivered", settled.get("status").asText(), settled.toString());
        assertEquals("late-telnyx-id", settled.get("provider_message_id").asText());
        assertFalse(settled.get("needs_reconciliation").asBoolean());
    }

    @Test
    void receiptsTurnANumberUnhealthyAndBackAndEachChangeIsAPoolEvent() {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("health"), number("+14155550106", "telnyx"));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Response r = send(api, pool, TO, "m" + i);
            assertEquals("sent", r.json().get("status").asText(), r.body());
            ids.add(r.json().get("provider_message_id").asText());
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(200, telnyxWebhook("delivery-receipts", telnyxEvent("message.finalized", ids.get(i),
                    "+14155550106", TO, "delivery_failed", "40002")).status());
        }
        assertEquals("unhealthy", health(api, pool, "+14155550106"));
        // a provider's retry of a receipt is not counted again
        assertEquals("duplicate", telnyxWebhook("delivery-receipts", telnyxEvent("message.finalized", ids.get(3),
                "+14155550106", TO, "delivery_failed", "40002")).json().get("result").asText());
        telnyxWebhook("delivery-receipts", telnyxEvent("message.finalized", ids.get(4), "+14155550106", TO,
                "delivered", null));
        assertEquals("unhealthy", health(api, pool, "+14155550106"), "1 of 4 delivered: not yet recovered");
        telnyxWebhook("delivery-receipts", telnyxEvent("message.finalized", ids.get(5), "+14155550106", TO,
                "delivered", null));
        assertEquals("healthy", health(api, pool, "+14155550106"), "2 of 4 reaches the 50% recovery line");
        JsonNode events = api.get("/v1/pools/" + pool + "/events?page_size=200").json().get("items");
        List<String> changes = new java.util.ArrayList<>();
        events.forEach(e -> {
            if (e.get("type").asText().equals("number.health_changed")) {
                changes.add(e.get("after").get("health").asText());
            }
        });
        assertEquals(List.of("unhealthy", "healthy"), changes);
    }

    @Test
    void anUnhealthyNumberSkippedForItsRestIsPickedAgainWithUnknownHealth() throws Exception {
        Api api = server.newAccount();
        String number = "+14155550140";
        String pool = poolWith(api, "{\"name\":\"resting\",\"skip_unhealthy\":true}", number(number, "telnyx"));
        for (int i = 0; i < 4; i++) {
            String id = send(api, pool, TO, "r" + i).json().get("provider_message_id").asText();
            telnyxWebhook("delivery-receipts", telnyxEvent("message.finalized", id, number, TO, "delivery_failed",
                    "40002"));
        }
        assertEquals("unhealthy", health(api, pool, number));
        Api.Response skipped = send(api, pool, TO, "while resting");
        assertEquals(422, skipped.status(), skipped.body());
        assertEquals("selection.no_healthy_number", skipped.json().get("code").asText());
        // an instance that rests unhealthy numbers for 1 s, where the first rests them for the default 24 h
        try (TestServer resting = server.withProperties(Map.of("poolkeeper.health.rest", "PT1S",
                "poolkeeper.health.check-interval", "200ms"))) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!"unknown".equals(health(api, pool, number)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("unknown", health(api, pool, number), "revived after its rest");
        }
        JsonNode events = api.get("/v1/pools/" + pool + "/events?page_size=200").json().get("items");
        JsonNode revived = events.get(events.size() - 1);
        assertEquals("number.health_changed", revived.get("type").asText());
        assertEquals("unhealthy", revived.get("before").get("health").asText());
        assertEquals("rested", revived.get("after").get("reason").asText(), revived.toString());
        Api.Response again = send(api, pool, TO, "after the rest");
        assertEquals(202, again.status(), again.body());
        assertEquals(number, again.json().get("from").asText());
    }

    private static String health(Api api, String pool, String number) {
        Api.Response r = api.get("/v1/pools/" + pool + "/numbers/" + number.substring(1));
        assertEquals(200, r.status(), r.body());
        return r.json().get("health").asText();
    }

    @Test
    void forgedOrStaleWebhooksAre401AndChangeNothing() {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("forged"), number("+14155550107", "telnyx"));
        JsonNode sent = send(api, pool, TO, "x").json();
        String id = sent.get("provider_message_id").asText();
        String event = telnyxEvent("message.finalized", id, "+14155550107", TO, "delivered", null);
        String now = String.valueOf(Instant.now().getEpochSecond());
        Api.Response forged = server.anonymous().post("/v1/webhooks/telnyx/delivery-receipts", event,
                "telnyx-timestamp", now, "telnyx-signature-ed25519",
                new ProviderSigners().telnyxSignature(now, event));
        assertEquals(401, forged.status());
        assertEquals("webhook.signature_invalid", forged.code());
        String old = String.valueOf(Instant.now().minus(1, ChronoUnit.HOURS).getEpochSecond());
        assertEquals(401, server.anonymous().post("/v1/webhooks/telnyx/delivery-receipts", event,
                "telnyx-timestamp", old, "telnyx-signature-ed25519", signers.telnyxSignature(old, event)).status(),
                "a replay outside the tolerance window");
        assertEquals(401, server.anonymous().post("/v1/webhooks/telnyx/delivery-receipts", event).status());

        Map<String, String> dlr = vonageReceipt("some-id", "delivered");
        dlr.put("sig", "0".repeat(64));
        assertEquals(401, server.anonymous().post("/v1/webhooks/vonage/delivery-receipts", json(dlr)).status());

        String sns = snsNotification("{\"messageId\":\"x\",\"messageStatus\":\"DELIVERED\"}",
                "https://evil.example.com/cert.pem");
        assertEquals(401, server.anonymous().post("/v1/webhooks/pinpoint/delivery-receipts", sns).status());
        assertEquals(404, server.anonymous().post("/v1/webhooks/nexmo/inbound", "{}").status());

        JsonNode stored = api.get("/v1/messages/" + sent.get("id").asText()).json();
        assertEquals("sent", stored.get("status").asText(), "no forged receipt changed the message");
    }

    @Test
    void vonageSignedReceiptsAndPinpointSnsEventsAreApplied() {
        Api api = server.newAccount();
        String vonagePool = poolWith(api, Api.pool("v"), number("+14155550108", "vonage"));
        String pinpointPool = poolWith(api, Api.pool("p"), number("+14155550109", "pinpoint"));
        JsonNode v = send(api, vonagePool, TO, "v").json();
        JsonNode p = send(api, pinpointPool, TO, "p").json();

        Map<String, String> dlr = vonageReceipt(v.get("provider_message_id").asText(), "delivered");
        dlr.put("msisdn", "12125550100");
        dlr.put("to", "14155550108");
        dlr.put("sig", ProviderSigners.vonageSig(dlr, ProviderSigners.VONAGE_SECRET));
        Api.Response vr = server.anonymous().post("/v1/webhooks/vonage/delivery-receipts", json(dlr));
        assertEquals(200, vr.status(), vr.body());
        assertEquals("delivered", api.get("/v1/messages/" + v.get("id").asText()).json().get("status").asText());

        String event = "{\"eventType\":\"TEXT_DELIVERED\",\"eventVersion\":\"1.0\",\"messageId\":\""
                + p.get("provider_message_id").asText() + "\",\"messageStatus\":\"DELIVERED\","
                + "\"originationPhoneNumber\":\"+14155550109\",\"destinationPhoneNumber\":\"" + TO + "\"}";
        Api.Response strangeTopic = server.anonymous().post("/v1/webhooks/pinpoint/delivery-receipts",
                snsNotification(event, providers.baseUrl() + "/sns/cert.pem", "arn:aws:sns:us-east-1:999999999999:x"),
                "Content-Type", "text/plain");
        assertEquals(401, strangeTopic.status(), "signed by SNS, but for a topic not configured: " + strangeTopic.body());
        assertEquals("sent", api.get("/v1/messages/" + p.get("id").asText()).json().get("status").asText());
        Api.Response pr = server.anonymous().post("/v1/webhooks/pinpoint/delivery-receipts",
                snsNotification(event, providers.baseUrl() + "/sns/cert.pem"), "Content-Type", "text/plain");
        assertEquals(200, pr.status(), pr.body());
        assertEquals("delivered", api.get("/v1/messages/" + p.get("id").asText()).json().get("status").asText());
    }

    @Test
    void stopOptsTheSenderOutOfThePoolUntilStart() {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("stop"), number("+14155550110", "vonage"));
        assertEquals(202, send(api, pool, TO, "first").status());
        Api.Response stop = vonageInbound(" Stop ", "in-1");
        assertEquals(200, stop.status(), stop.body());
        assertEquals("stop", stop.json().get("result").asText());
        assertEquals(1, stop.json().get("pools_changed").asInt());
        Api.Response refused = send(api, pool, TO, "second");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("selection.opted_out", refused.code());
        int sendsSoFar = received(VONAGE_SEND).size();
        assertEquals(1, sendsSoFar, "nothing was sent to the opted-out recipient");
        assertEquals(200, vonageInbound("START", "in-2").status());
        assertEquals(202, send(api, pool, TO, "third").status());
        assertEquals("sent", send(api, pool, TO, "fourth").json().get("status").asText());
    }

    @Test
    void aBurstBeyondANumbersBudgetIsAcceptedAtOnceAndSentAtItsRateNoFaster() {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("budget"), number("+14155550130", "telnyx"));
        List<String> ids = new java.util.ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            Api.Response accepted = api.post("/v1/messages", body(pool, "+1212555010" + i, "burst " + i));
            assertEquals(202, accepted.status(), accepted.body());
            assertTrue(List.of("queued", "sending", "sent").contains(accepted.json().get("status").asText()));
            ids.add(accepted.json().get("id").asText());
        }
        assertTrue(System.nanoTime() - start < 1_500_000_000L, "accepting never waits for the budget");
        ids.forEach(id -> assertEquals("sent", api.awaitMessage(id).get("status").asText()));
        List<Long> at = received(TELNYX_SEND).stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertEquals(3, at.size());
        for (int i = 1; i < at.size(); i++) {
            assertTrue(at.get(i) - at.get(i - 1) >= 950, "one a second for this number: " + at);
        }
    }

    @Test
    void twoInstancesShareANumbersSendBudgetAndAWaitingMessageCanBeCanceled() throws InterruptedException {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("shared-budget"), number("+14155550131", "telnyx"));
        awaitInstancesAlive(server, 1);
        try (TestServer second = server.secondInstance()) {
            awaitInstancesAlive(server, 2);
            awaitInstancesAlive(second, 2);
            assertEquals("sent", send(api, pool, TO, "one").json().get("status").asText(),
                    "one message per 20 s for this number");
            Api.Response other = second.api(api.key()).post("/v1/messages", body(pool, "+12125550101", "two"));
            assertEquals(202, other.status(), other.body());
            Thread.sleep(2_000);
            String id = other.json().get("id").asText();
            assertEquals("queued", api.get("/v1/messages/" + id).json().get("status").asText(),
                    "neither instance sends it before the number's budget allows");
            Api.Response canceled = api.delete("/v1/messages/" + id);
            assertEquals(200, canceled.status(), canceled.body());
            assertEquals("canceled", canceled.json().get("status").asText());
            assertEquals("message.not_cancelable", api.delete("/v1/messages/" + id).code());
        }
        assertEquals(1, received(TELNYX_SEND).size());
    }

    private static double instancesAlive(TestServer instance) {
        return instance.anonymous().get("/metrics").body().lines()
                .filter(l -> l.startsWith("poolkeeper_instances_alive "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    private static void awaitInstancesAlive(TestServer instance, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (instancesAlive(instance) != count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(count, instancesAlive(instance), "instances alive as the instance sees them");
    }

    @Test
    void anIdempotencyKeySendsOnce() {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("idem"), number("+14155550111", "telnyx"));
        Api.Response first = send(api, pool, TO, "once", "Idempotency-Key", "send-once-1");
        Api.Response again = send(api, pool, TO, "once", "Idempotency-Key", "send-once-1");
        assertEquals(202, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(1, received(TELNYX_SEND).size());
        assertEquals(400, send(api, pool, TO, "").status());
        assertEquals("request.invalid", api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"" + TO
                + "\"}").code());
        assertEquals(1, received(TELNYX_SEND).size(), "a refused request sends nothing");
    }

    @Test
    void twoInstancesSendingFirstMessagesToOneRecipientAtOnceShareOneStickySender() throws Exception {
        Api api = server.newAccount();
        String pool = poolWith(api, "{\"name\":\"sticky\",\"sticky_sender\":true}",
                number("+14155550121", "telnyx"), number("+14155550122", "telnyx"), number("+14155550123", "telnyx"),
                number("+14155550124", "telnyx"), number("+14155550125", "telnyx"));
        try (TestServer second = server.secondInstance()) {
            Api other = second.api(api.key());
            java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 10; i++) {
                    String to = "+1212555" + (2000 + i);
                    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                    java.util.concurrent.Future<Api.Response> a = executor.submit(() -> {
                        together.await();
                        return send(api, pool, to, "first");
                    });
                    java.util.concurrent.Future<Api.Response> b = executor.submit(() -> {
                        together.await();
                        return send(other, pool, to, "first");
                    });
                    JsonNode first = a.get().json();
                    JsonNode viaSecond = b.get().json();
                    assertEquals("sent", first.get("status").asText(), first.toString());
                    assertEquals(first.get("from").asText(), viaSecond.get("from").asText(), "recipient " + to);
                    assertEquals(first.get("from").asText(), api.get("/v1/pools/" + pool + "/sticky-senders/"
                            + to.substring(1)).json().get("from").asText());
                }
            } finally {
                executor.shutdownNow();
            }
        }
    }

    // --- webhooks as the providers send them -------------------------------------------------------

    private static String telnyxEvent(String type, String id, String from, String to, String status, String error) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("event_type", type);
        data.put("id", java.util.UUID.randomUUID().toString());
        data.put("occurred_at", Instant.now().toString());
        data.put("record_type", "event");
        ObjectNode payload = data.putObject("payload");
        payload.put("id", id);
        payload.put("direction", "outbound");
        payload.putObject("from").put("phone_number", from);
        payload.putArray("to").addObject().put("phone_number", to).put("status", status);
        if (error != null) {
            payload.putArray("errors").addObject().put("code", error).put("title", "Delivery failed");
        }
        return root.toString();
    }

    private static Api.Response telnyxWebhook(String kind, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return server.anonymous().post("/v1/webhooks/telnyx/" + kind, body, "telnyx-timestamp", timestamp,
                "telnyx-signature-ed25519", signers.telnyxSignature(timestamp, body));
    }

    private static Map<String, String> vonageReceipt(String id, String status) {
        Map<String, String> dlr = new LinkedHashMap<>();
        dlr.put("msisdn", "12125550100");
        dlr.put("to", "14155550100");
        dlr.put("network-code", "310090");
        dlr.put("messageId", id);
        dlr.put("price", "0.00570000");
        dlr.put("status", status);
        dlr.put("scts", "2611231015");
        dlr.put("err-code", "0");
        dlr.put("api-key", "vonage-key");
        dlr.put("message-timestamp", "2026-11-23 10:15:00");
        dlr.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        dlr.put("nonce", java.util.UUID.randomUUID().toString());
        return dlr;
    }

    private static Api.Response vonageInbound(String text, String messageId) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("msisdn", "12125550100");
        in.put("to", "14155550110");
        in.put("messageId", messageId);
        in.put("text", text);
        in.put("type", "text");
        in.put("keyword", text.trim().toUpperCase());
        in.put("message-timestamp", "2026-11-23 10:15:00");
        in.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        in.put("nonce", java.util.UUID.randomUUID().toString());
        in.put("sig", ProviderSigners.vonageSig(in, ProviderSigners.VONAGE_SECRET));
        return server.anonymous().post("/v1/webhooks/vonage/inbound", json(in));
    }

    private static String json(Map<String, String> fields) {
        ObjectNode node = JSON.createObjectNode();
        fields.forEach(node::put);
        return node.toString();
    }

    private static String snsNotification(String message, String certUrl) {
        return snsNotification(message, certUrl, SNS_TOPIC);
    }

    private static String snsNotification(String message, String certUrl, String topic) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Message", message);
        fields.put("MessageId", java.util.UUID.randomUUID().toString());
        fields.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        fields.put("TopicArn", topic);
        fields.put("Type", "Notification");
        StringBuilder canonical = new StringBuilder();
        fields.forEach((k, v) -> canonical.append(k).append('\n').append(v).append('\n'));
        ObjectNode node = JSON.createObjectNode();
        fields.forEach(node::put);
        node.put("SignatureVersion", "2");
        node.put("Signature", signers.snsSignature(canonical.toString()));
        node.put("SigningCertURL", certUrl);
        return node.toString();
    }
}
