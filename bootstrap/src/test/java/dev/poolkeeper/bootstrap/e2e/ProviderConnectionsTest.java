package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.poolkeeper.adapters.providers.telnyx.TelnyxProfilesSimulator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts with their own Telnyx accounts: two simulated Telnyx accounts, each knowing only its own key,
 * and an instance with no Telnyx credentials of its own. Each account's pools sync and send through its
 * own connection; the credentials never come back and are not in the database in clear.
 */
class ProviderConnectionsTest {
    private static final String KEY_A = "KEYaaaaaaaaaaaaaaaaaaaaaaaa-alpha";
    private static final String KEY_B = "KEYbbbbbbbbbbbbbbbbbbbbbbbb-bravo";
    private static TelnyxProfilesSimulator simulatorA;
    private static TelnyxProfilesSimulator simulatorB;
    private static WireMockServer telnyxA;
    private static WireMockServer telnyxB;
    private static TestServer server;
    private static int block;
    private static final ProviderSigners SIGNERS = new ProviderSigners();
    private static final ProviderSigners OTHER_SIGNERS = new ProviderSigners();

    @BeforeAll
    static void start() {
        simulatorA = new TelnyxProfilesSimulator(KEY_A);
        simulatorB = new TelnyxProfilesSimulator(KEY_B);
        telnyxA = Simulations.start(simulatorA, "/v2/.*");
        telnyxB = Simulations.start(simulatorB, "/v2/.*");
        for (WireMockServer telnyx : List.of(telnyxA, telnyxB)) {
            telnyx.stubFor(post(urlEqualTo("/v2/messages")).atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withTransformers("response-template")
                    .withBody("{\"data\":{\"id\":\"{{randomValue type='UUID'}}\"}}")));
        }
        server = TestServer.start(Simulations.quickSync());
    }

    @AfterAll
    static void stop() {
        server.close();
        telnyxA.stop();
        telnyxB.stop();
        Api.assertServedAsDocumented();
    }

    private static String connection(Api api, String name, String key, WireMockServer telnyx) {
        Api.Response created = api.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"" + name
                + "\",\"credentials\":{\"api_key\":\"" + key + "\"},\"base_url\":\"" + telnyx.baseUrl() + "\"}");
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(key), "the key never comes back: " + created.body());
        return created.json().get("id").asText();
    }

    private static String poolWithTelnyxNumbers(Api api) {
        int b = ++block;
        Api.Response pool = api.post("/v1/pools", "{\"name\":\"own-" + b + "\"}");
        assertEquals(201, pool.status(), pool.body());
        String id = pool.json().get("id").asText();
        String items = IntStream.range(0, 2).mapToObj(i -> String.format(Locale.ROOT,
                "{\"number\":\"+1646%03d%04d\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\"}", 500 + b, i))
                .collect(Collectors.joining(","));
        assertEquals(200, api.post("/v1/pools/" + id + "/numbers", "{\"numbers\":[" + items + "]}").status());
        return id;
    }

    private static Set<String> authorizations(WireMockServer telnyx) {
        return telnyx.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("Authorization"))
                .collect(Collectors.toSet());
    }

    @Test
    void twoAccountsSyncAndSendEachThroughTheirOwnTelnyxAccount() throws Exception {
        Api alice = server.newAccount();
        Api bob = server.newAccount();
        connection(alice, "telnyx-main", KEY_A, telnyxA);
        connection(bob, "telnyx-main", KEY_B, telnyxB);
        String alicePool = poolWithTelnyxNumbers(alice);
        String bobPool = poolWithTelnyxNumbers(bob);
        String aliceProfile = SyncStatus.await(alice, alicePool, "in_sync").get("provider_pool_id").asText();
        String bobProfile = SyncStatus.await(bob, bobPool, "in_sync").get("provider_pool_id").asText();
        assertTrue(simulatorA.profiles.containsKey(aliceProfile), "alice's profile is at alice's Telnyx");
        assertFalse(simulatorB.profiles.containsKey(aliceProfile), "alice's profile is not at bob's Telnyx");
        assertTrue(simulatorB.profiles.containsKey(bobProfile), "bob's profile is at bob's Telnyx");
        assertFalse(simulatorA.profiles.containsKey(bobProfile), "bob's profile is not at alice's Telnyx");
        assertEquals(alicePool, simulatorA.profiles.get(aliceProfile).get("name").asText());

        Api.Response sent = alice.sendMessage("{\"pool_id\":\"" + alicePool
                + "\",\"to\":\"+12125550100\",\"text\":\"hi " + alicePool + "\"}");
        assertEquals(202, sent.status(), sent.body());
        assertEquals("sent", sent.json().get("status").asText(), sent.body());
        List<LoggedRequest> sends = telnyxA.findAll(postRequestedFor(urlEqualTo("/v2/messages"))
                .withRequestBody(containing(alicePool)));
        assertEquals(1, sends.size());
        assertEquals("Bearer " + KEY_A, sends.get(0).getHeader("Authorization"));
        assertEquals(0, telnyxB.findAll(postRequestedFor(urlEqualTo("/v2/messages"))
                .withRequestBody(containing(alicePool))).size());
        assertEquals(Set.of("Bearer " + KEY_A), authorizations(telnyxA), "only alice's key reached alice's Telnyx");
        assertEquals(Set.of("Bearer " + KEY_B), authorizations(telnyxB), "only bob's key reached bob's Telnyx");
    }

    @Test
    void anAccountWithoutAConnectionHasNoTelnyxHere() {
        Api carol = server.newAccount();
        String pool = poolWithTelnyxNumbers(carol);
        Api.Response refused = carol.sendMessage("{\"pool_id\":\"" + pool
                + "\",\"to\":\"+12125550100\",\"text\":\"hi\"}");
        assertEquals("selection.provider_not_configured", refused.code(), refused.body());
    }

    @Test
    void credentialsAreCheckedNeverShownAndSealedInTheDatabase() throws Exception {
        Api api = server.newAccount();
        String id = connection(api, "checked", KEY_A, telnyxA);
        JsonNode shown = api.get("/v1/provider-connections/" + id).json();
        assertEquals(List.of("api_key"), List.of(shown.get("credential_fields").get(0).asText()));
        assertEquals("telnyx", shown.get("provider").asText());
        assertFalse(api.get("/v1/provider-connections").body().contains(KEY_A));

        JsonNode ok = api.post("/v1/provider-connections/" + id + "/test", "").json();
        assertTrue(ok.get("ok").asBoolean(), ok.toString());
        assertTrue(ok.get("detail").asText().contains("messaging profiles"), ok.toString());

        Api.Response patched = api.patch("/v1/provider-connections/" + id, "{\"credentials\":{\"api_key\":\"wrong\"},"
                + "\"name\":\"renamed\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("renamed", patched.json().get("name").asText());
        JsonNode refused = api.post("/v1/provider-connections/" + id + "/test", "").json();
        assertFalse(refused.get("ok").asBoolean(), refused.toString());
        assertTrue(refused.get("detail").asText().contains("401"), refused.toString());

        try (Connection db = server.database();
             PreparedStatement ps = db.prepareStatement("SELECT key_id, credentials FROM provider_connections")) {
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertEquals("test-1", rs.getString("key_id"));
                    String stored = new String(rs.getBytes("credentials"), StandardCharsets.ISO_8859_1);
                    for (String secret : List.of(KEY_A, KEY_B, "wrong", "api_key")) {
                        assertFalse(stored.contains(secret), "credentials are not stored in clear");
                    }
                }
                assertTrue(rows >= 1);
            }
        }
        assertEquals(404, server.newAccount().get("/v1/provider-connections/" + id).status(),
                "another account does not see it");
    }

    @Test
    void badConnectionsAre400Or409AndChangeNothing() {
        Api api = server.newAccount();
        Api.Response missing = api.post("/v1/provider-connections", "{\"provider\":\"vonage\",\"name\":\"v\","
                + "\"credentials\":{\"api_key\":\"k\",\"token\":\"t\"}}");
        assertEquals(400, missing.status(), missing.body());
        Set<String> fields = Set.copyOf(missing.json().get("errors").findValuesAsText("field"));
        assertEquals(Set.of("credentials.token", "credentials.api_secret"), fields);
        Api.Response method = api.post("/v1/provider-connections", "{\"provider\":\"vonage\",\"name\":\"v\","
                + "\"credentials\":{\"api_key\":\"k\",\"api_secret\":\"s\",\"signature_method\":\"SHA256\"}}");
        assertEquals(400, method.status(), method.body());
        assertEquals("credentials.signature_method", method.json().get("errors").get(0).get("field").asText());
        assertEquals(400, api.post("/v1/provider-connections", "{\"provider\":\"sinch\",\"name\":\"x\"}").status());
        assertEquals(400, api.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"bad name!\","
                + "\"credentials\":{\"api_key\":\"k\"}}").status());
        assertEquals(400, api.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"u\","
                + "\"credentials\":{\"api_key\":\"k\"},\"base_url\":\"file:///etc/passwd\"}").status());
        assertEquals(0, api.get("/v1/provider-connections").json().get("items").size(), "nothing was stored");
        connection(api, "same", KEY_A, telnyxA);
        Api.Response taken = api.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"same\","
                + "\"credentials\":{\"api_key\":\"k\"}}");
        assertEquals("provider_connection.name_taken", taken.code(), taken.body());
        assertEquals(404, api.get("/v1/provider-connections/conn_nonsense").status());
    }

    @Test
    void aConnectionServingPoolsIsNotDeleted() {
        Api api = server.newAccount();
        String id = connection(api, "serving", KEY_A, telnyxA);
        String pool = poolWithTelnyxNumbers(api);
        Api.Response refused = api.delete("/v1/provider-connections/" + id);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("provider_connection.in_use", refused.code());
        assertTrue(refused.json().get("detail").asText().contains(pool), refused.body());
        assertEquals(204, api.delete("/v1/pools/" + pool).status());
        assertEquals(204, api.delete("/v1/provider-connections/" + id).status());
        assertEquals(404, api.get("/v1/provider-connections/" + id).status());
    }

    private static String receipt(String messageId, String from, String status) {
        return "{\"data\":{\"event_type\":\"message.finalized\",\"id\":\"" + java.util.UUID.randomUUID()
                + "\",\"record_type\":\"event\",\"payload\":{\"id\":\"" + messageId + "\",\"from\":{\"phone_number\":\""
                + from + "\"},\"to\":[{\"phone_number\":\"+12125550100\",\"status\":\"" + status + "\"}]}}}";
    }

    private static Api.Response signedReceipt(String route, ProviderSigners signers, String body) {
        String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
        return server.anonymous().post(route, body, "telnyx-timestamp", timestamp, "telnyx-signature-ed25519",
                signers.telnyxSignature(timestamp, body));
    }

    @Test
    void aConnectionsWebhookRouteIsVerifiedWithItsOwnKeyAndReachesOnlyItsAccount() {
        Api alice = server.newAccount();
        Api bob = server.newAccount();
        String aliceConnection = alice.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"t\","
                + "\"credentials\":{\"api_key\":\"" + KEY_A + "\",\"public_key\":\"" + SIGNERS.telnyxPublicKey()
                + "\"},\"base_url\":\"" + telnyxA.baseUrl() + "\"}").json().get("id").asText();
        String bobConnection = bob.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"t\","
                + "\"credentials\":{\"api_key\":\"" + KEY_B + "\",\"public_key\":\"" + OTHER_SIGNERS.telnyxPublicKey()
                + "\"},\"base_url\":\"" + telnyxB.baseUrl() + "\"}").json().get("id").asText();
        String pool = poolWithTelnyxNumbers(alice);
        JsonNode first = alice.sendMessage("{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550100\","
                + "\"text\":\"one\"}").json();
        JsonNode second = alice.sendMessage("{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550100\","
                + "\"text\":\"two\"}").json();
        String aliceRoute = "/v1/webhooks/telnyx/connections/" + aliceConnection + "/delivery-receipts";
        String bobRoute = "/v1/webhooks/telnyx/connections/" + bobConnection + "/delivery-receipts";

        Api.Response applied = signedReceipt(aliceRoute, SIGNERS, receipt(first.get("provider_message_id").asText(),
                first.get("from").asText(), "delivered"));
        assertEquals("applied", applied.json().get("result").asText(), applied.body());
        assertEquals("delivered", alice.get("/v1/messages/" + first.get("id").asText()).json().get("status").asText());

        String secondId = second.get("provider_message_id").asText();
        Api.Response forgedByBob = signedReceipt(bobRoute, OTHER_SIGNERS, receipt(secondId, second.get("from").asText(),
                "delivery_failed"));
        assertEquals("unknown_message", forgedByBob.json().get("result").asText(),
                "bob's key cannot speak for alice's messages: " + forgedByBob.body());
        Api.Response wrongKey = signedReceipt(aliceRoute, OTHER_SIGNERS, receipt(secondId, second.get("from").asText(),
                "delivery_failed"));
        assertEquals(401, wrongKey.status(), wrongKey.body());
        assertEquals("sent", alice.get("/v1/messages/" + second.get("id").asText()).json().get("status").asText(),
                "nothing changed alice's message");
        Api.Response real = signedReceipt(aliceRoute, SIGNERS, receipt(secondId, second.get("from").asText(),
                "delivered"));
        assertEquals("applied", real.json().get("result").asText(), "the real receipt still counts: " + real.body());

        String aliceNumber = first.get("from").asText();
        String stop = "{\"data\":{\"event_type\":\"message.received\",\"id\":\"" + java.util.UUID.randomUUID()
                + "\",\"record_type\":\"event\",\"payload\":{\"id\":\"" + java.util.UUID.randomUUID()
                + "\",\"from\":{\"phone_number\":\"+12125550177\"},\"to\":[{\"phone_number\":\"" + aliceNumber
                + "\"}],\"text\":\"STOP\"}}}";
        Api.Response bobsStop = signedReceipt("/v1/webhooks/telnyx/connections/" + bobConnection + "/inbound",
                OTHER_SIGNERS, stop);
        assertEquals(200, bobsStop.status(), bobsStop.body());
        assertEquals(0, bobsStop.json().get("pools_changed").asInt(), "bob's STOP cannot touch alice's pools");
        assertEquals(0, alice.get("/v1/opt-out-lists/" + pool + "/numbers").json().get("items").size());
        Api.Response alicesStop = signedReceipt("/v1/webhooks/telnyx/connections/" + aliceConnection + "/inbound",
                SIGNERS, stop.replace("\"STOP\"", "\"stop\""));
        assertEquals(1, alicesStop.json().get("pools_changed").asInt(), alicesStop.body());
        assertEquals("+12125550177", alice.get("/v1/opt-out-lists/" + pool + "/numbers").json().get("items").get(0)
                .get("number").asText());
        assertEquals(404, signedReceipt("/v1/webhooks/telnyx/connections/conn_01ZZZZZZZZZZZZZZZZZZZZZZZZ/delivery-receipts",
                SIGNERS, receipt(secondId, "+1", "delivered")).status());
        assertEquals(404, signedReceipt("/v1/webhooks/vonage/connections/" + aliceConnection + "/delivery-receipts",
                SIGNERS, receipt(secondId, "+1", "delivered")).status(), "a Telnyx connection has no Vonage route");
    }

    @Test
    void numbersNamingASecondConnectionSyncAndSendThroughItAndKeepItInUse() throws Exception {
        Api api = server.newAccount();
        String first = connection(api, "first", KEY_A, telnyxA);
        String second = connection(api, "second", KEY_B, telnyxB);
        int b = ++block;
        String pool = api.post("/v1/pools", "{\"name\":\"second-" + b + "\"}").json().get("id").asText();
        String number = String.format(Locale.ROOT, "+1646%03d7001", 500 + b);
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[{\"number\":\"" + number
                + "\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\",\"connection_id\":\"" + second + "\"}]}");
        assertEquals(200, added.status(), added.body());
        assertEquals(second, api.get("/v1/pools/" + pool + "/numbers/" + number.substring(1)).json()
                .get("connection_id").asText());

        String profile = SyncStatus.await(api, pool, "in_sync").get("provider_pool_id").asText();
        assertTrue(simulatorB.profiles.containsKey(profile), "mirrored at the second connection's account");
        assertFalse(simulatorA.profiles.containsKey(profile), "not at the serving (first) connection's account");

        Api.Response sent = api.sendMessage("{\"pool_id\":\"" + pool
                + "\",\"to\":\"+12125550100\",\"text\":\"via " + pool + "\"}");
        assertEquals("sent", sent.json().get("status").asText(), sent.body());
        List<LoggedRequest> sends = telnyxB.findAll(postRequestedFor(urlEqualTo("/v2/messages"))
                .withRequestBody(containing(pool)));
        assertEquals(1, sends.size(), "sent through the second connection");
        assertEquals("Bearer " + KEY_B, sends.get(0).getHeader("Authorization"));

        String other = String.format(Locale.ROOT, "+1646%03d7002", 500 + b);
        Api.Response mixed = api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[{\"number\":\"" + other
                + "\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\",\"connection_id\":\"" + first + "\"}]}");
        assertEquals(400, mixed.status(), mixed.body());
        assertTrue(mixed.body().contains("number.connection_mismatch"), mixed.body());
        Api.Response wrongProvider = api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[{\"number\":\""
                + other + "\",\"provider\":\"vonage\",\"connection_id\":\"" + first + "\"}]}");
        assertEquals(400, wrongProvider.status(), wrongProvider.body());
        assertTrue(wrongProvider.body().contains("numbers[0].connection_id"), wrongProvider.body());
        Api stranger = server.newAccount();
        String strangerPool = stranger.post("/v1/pools", "{\"name\":\"x\"}").json().get("id").asText();
        Api.Response notMine = stranger.post("/v1/pools/" + strangerPool + "/numbers",
                "{\"numbers\":[{\"number\":\"" + other + "\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\","
                + "\"connection_id\":\"" + second + "\"}]}");
        assertEquals(400, notMine.status(), "another account's connection cannot be named: " + notMine.body());
        assertTrue(notMine.body().contains("in this account"), notMine.body());

        Api.Response inUse = api.delete("/v1/provider-connections/" + second);
        assertEquals(409, inUse.status(), inUse.body());
        assertTrue(inUse.json().get("detail").asText().contains(pool), inUse.body());
        assertEquals(204, api.delete("/v1/provider-connections/" + first).status(),
                "the serving connection holds none of these numbers: they all name the second");
    }
}
