package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application is told everything, on a real server: events written with the changes they report,
 * pushed to endpoints signed with the endpoint's secret (verified here as the documented snippet does), retried
 * until a failing endpoint is back, pulled in order from GET /v1/events, and kept within the account.
 */
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer receiver;
    private static TestServer server;
    private static int block;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        Map<String, Object> config = Simulations.sandbox();
        config.put("poolkeeper.events.allow-loopback", "true");
        config.put("poolkeeper.events.poll-interval", "100ms");
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.stop();
        Api.assertServedAsDocumented();
    }

    private static String pool(Api api) {
        block++;
        String pool = api.post("/v1/pools", "{\"name\":\"events-" + block + "\"}").json().get("id").asText();
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(String.format(
                "{\"number\":\"+1415%03d0100\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"}", 600 + block)));
        assertEquals(200, added.status(), added.body());
        return pool;
    }

    private static JsonNode endpoint(Api api, String path, String types) {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Api.Response created = api.post("/v1/event-endpoints", "{\"url\":\"" + receiver.baseUrl() + path + "\""
                + (types == null ? "" : ",\"event_types\":" + types) + "}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** What a receiver does with the signature header: recompute the HMAC of "t.body" with its secret. */
    static boolean verifies(LoggedRequest request, String secret) throws Exception {
        String header = request.getHeader("Poolkeeper-Signature");
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(mac.doFinal(request.getBody()));
        return signatures.contains(expected)
                && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300;
    }

    private static List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static List<String> types(List<LoggedRequest> requests) throws Exception {
        List<String> types = new ArrayList<>();
        for (LoggedRequest r : requests) {
            types.add(JSON.readTree(r.getBodyAsString()).get("type").asText());
        }
        return types;
    }

    @Test
    void aMessagesLifeIsPushedSignedAndCanBePulledInOrder() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api);
        JsonNode endpoint = endpoint(api, "/hooks/life", null);
        String secret = endpoint.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), endpoint.toString());
        assertTrue(api.get("/v1/event-endpoints/" + endpoint.get("id").asText()).json().get("secret").isNull(),
                "the secret is shown once");

        String id = api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550100\",\"text\":\"hi\","
                + "\"client_reference\":\"order-9\"}").json().get("id").asText();
        SyncStatus.until(() -> received("/hooks/life").size() >= 3, 20);
        List<LoggedRequest> pushed = received("/hooks/life");
        assertEquals(Set.of("message.queued", "message.sent", "message.delivered"), new TreeSet<>(types(pushed)));
        for (LoggedRequest r : pushed) {
            assertTrue(verifies(r, secret), "signed with the endpoint's secret: " + r.getHeader("Poolkeeper-Signature"));
            JsonNode body = JSON.readTree(r.getBodyAsString());
            assertEquals(id, body.get("data").get("message").get("id").asText());
            assertEquals("order-9", body.get("data").get("message").get("client_reference").asText());
            assertEquals(body.get("id").asText(), r.getHeader("Poolkeeper-Event-Id"));
            assertFalse(verifies(r, "whsec_another"), "another secret does not verify");
        }

        JsonNode pulled = api.get("/v1/events").json();
        List<String> pulledTypes = new ArrayList<>();
        pulled.get("items").forEach(e -> pulledTypes.add(e.get("type").asText()));
        assertEquals(List.of("message.queued", "message.sent", "message.delivered"), pulledTypes, "in order");
        String first = pulled.get("items").get(0).get("id").asText();
        assertEquals(2, api.get("/v1/events?after=" + first).json().get("items").size());
        assertEquals("event.not_found", api.get("/v1/events?after=evt_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB").code());
        assertEquals(0, server.newAccount().get("/v1/events").json().get("items").size(),
                "another account sees none of them");
        assertEquals(404, server.newAccount().get("/v1/event-endpoints/" + endpoint.get("id").asText()).status());

        JsonNode deliveries = api.get("/v1/event-endpoints/" + endpoint.get("id").asText()
                + "/deliveries?status=delivered").json();
        assertEquals(3, deliveries.get("items").size(), deliveries.toString());
        assertEquals(200, deliveries.get("items").get(0).get("last_status_code").asInt());
    }

    @Test
    void anEndpointThatWasDownReceivesEveryEventOncePerIdWhenItIsBack() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api);
        JsonNode endpoint = endpoint(api, "/hooks/down", "[\"message.queued\",\"message.sent\"]");
        receiver.stubFor(post(urlEqualTo("/hooks/down")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 3; i++) {
            api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+1212555010" + i + "\",\"text\":\"hi\"}");
        }
        String path = "/v1/event-endpoints/" + endpoint.get("id").asText() + "/deliveries";
        SyncStatus.until(() -> api.get(path + "?status=retrying").json().get("items").size() == 6, 20);
        JsonNode retrying = api.get(path + "?status=retrying").json().get("items").get(0);
        assertEquals(503, retrying.get("last_status_code").asInt());
        assertTrue(retrying.get("next_attempt_at").isTextual(), retrying.toString());

        receiver.stubFor(post(urlEqualTo("/hooks/down")).willReturn(aResponse().withStatus(204)));
        SyncStatus.until(() -> api.get(path + "?status=delivered").json().get("items").size() == 6, 30);
        Map<String, Integer> answeredOk = new HashMap<>();
        for (com.github.tomakehurst.wiremock.stubbing.ServeEvent e : receiver.getAllServeEvents()) {
            if (e.getRequest().getUrl().equals("/hooks/down") && e.getResponse().getStatus() == 204) {
                answeredOk.merge(e.getRequest().getHeader("Poolkeeper-Event-Id"), 1, Integer::sum);
            }
        }
        assertEquals(6, answeredOk.size(), "every event, and only the types asked for: " + answeredOk);
        assertTrue(answeredOk.values().stream().allMatch(n -> n == 1), "each event once: " + answeredOk);
        assertEquals(Set.of("message.queued", "message.sent"), new TreeSet<>(types(received("/hooks/down"))));
    }

    @Test
    void aRotatedSecretSignsAlongsideTheOldOneAndAnEventCanBeRedelivered() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api);
        JsonNode endpoint = endpoint(api, "/hooks/rotate", "[\"message.queued\"]");
        String old = endpoint.get("secret").asText();
        JsonNode rotated = api.post("/v1/event-endpoints/" + endpoint.get("id").asText() + "/secret-rotations", "")
                .json();
        String fresh = rotated.get("secret").asText();
        assertFalse(fresh.equals(old));
        assertTrue(rotated.get("previous_secret_until").isTextual());
        api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550100\",\"text\":\"hi\"}");
        SyncStatus.until(() -> received("/hooks/rotate").size() == 1, 20);
        LoggedRequest first = received("/hooks/rotate").get(0);
        assertTrue(verifies(first, fresh) && verifies(first, old), "both secrets verify during the overlap");

        String eventId = first.getHeader("Poolkeeper-Event-Id");
        Api.Response again = api.post("/v1/event-endpoints/" + endpoint.get("id").asText() + "/redeliveries",
                "{\"event_id\":\"" + eventId + "\"}");
        assertEquals(202, again.status(), again.body());
        SyncStatus.until(() -> received("/hooks/rotate").size() == 2, 20);
        assertEquals(eventId, received("/hooks/rotate").get(1).getHeader("Poolkeeper-Event-Id"));
        assertEquals("event_endpoint.not_found", server.newAccount().post("/v1/event-endpoints/"
                + endpoint.get("id").asText() + "/redeliveries", "{\"event_id\":\"" + eventId + "\"}").code(),
                "another account cannot redeliver it");
        assertEquals("event.not_found", api.post("/v1/event-endpoints/" + endpoint.get("id").asText()
                + "/redeliveries", "{\"event_id\":\"evt_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB\"}").code());
    }

    @Test
    void repliesAndStopAreEventsAndInternalUrlsAreRefused() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api);
        endpoint(api, "/hooks/inbound", "[\"message.inbound\",\"opt_out.added\"]");
        api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550005\",\"text\":\"hi\"}");
        SyncStatus.until(() -> received("/hooks/inbound").size() >= 2, 20);
        List<String> got = types(received("/hooks/inbound"));
        assertTrue(got.containsAll(List.of("message.inbound", "opt_out.added")), got.toString());
        JsonNode inbound = null;
        for (LoggedRequest r : received("/hooks/inbound")) {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            if (body.get("type").asText().equals("message.inbound")) {
                inbound = body.get("data").get("message");
            }
        }
        assertEquals("+12125550005", inbound.get("from").asText());
        assertEquals(pool, inbound.get("pool_id").asText());
        assertEquals("stop", inbound.get("keyword").asText());

        for (String url : List.of("http://10.1.2.3/hooks", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.10/x", "http://[fc00::1]/x")) {
            Api.Response refused = api.post("/v1/event-endpoints", "{\"url\":\"" + url + "\"}");
            assertEquals(422, refused.status(), url + ": " + refused.body());
            assertEquals("event_endpoint.url_refused", refused.code());
        }
        assertEquals("url", api.post("/v1/event-endpoints", "{\"url\":\"ftp://example.com/x\"}").json()
                .get("errors").get(0).get("field").asText());
        assertEquals("event_types", api.post("/v1/event-endpoints", "{\"url\":\"" + receiver.baseUrl()
                + "/x\",\"event_types\":[\"message.teleported\"]}").json().get("errors").get(0).get("field").asText());
    }

    @Test
    void aStatusCallbackOnAnEndpointsOriginGetsItsMessagesEventsSignedWithThatEndpointsSecret() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api);
        JsonNode endpoint = endpoint(api, "/hooks/account", "[\"opt_out.added\"]");
        receiver.stubFor(post(urlEqualTo("/hooks/order-17")).willReturn(aResponse().withStatus(200)));
        Api.Response sent = api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550100\","
                + "\"text\":\"hi\",\"status_callback\":\"" + receiver.baseUrl() + "/hooks/order-17\"}");
        assertEquals(202, sent.status(), sent.body());
        SyncStatus.until(() -> received("/hooks/order-17").size() >= 3, 20);
        assertEquals(Set.of("message.queued", "message.sent", "message.delivered"),
                new TreeSet<>(types(received("/hooks/order-17"))), "every status of its message, whatever types"
                        + " the endpoint itself takes");
        for (LoggedRequest r : received("/hooks/order-17")) {
            assertTrue(verifies(r, endpoint.get("secret").asText()));
        }
        assertEquals(0, received("/hooks/account").size(), "the endpoint itself gets only its own types");
        Api.Response elsewhere = api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550100\","
                + "\"text\":\"hi\",\"status_callback\":\"https://callbacks.example.net/x\"}");
        assertEquals(400, elsewhere.status(), elsewhere.body());
        assertEquals("status_callback", elsewhere.json().get("errors").get(0).get("field").asText());
    }
}
