package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies, paths and queries no client should send, sent to every endpoint that takes them: each answer is
 * a 4xx problem+json with a stable code, never a 5xx, and nothing the account holds changes.
 */
class HostileInputTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        // the sync worker off: its own events (a provider without credentials) are not hostile input's doing
        server = TestServer.start(Map.of("poolkeeper.rate-limit.per-minute", 100_000, "poolkeeper.sync.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        server.close();
        Api.assertServedAsDocumented();
    }

    /** Bodies that are not a valid request to any endpoint below. */
    private static List<byte[]> bodies() {
        List<String> texts = new ArrayList<>(List.of("", " ", "{", "}", "[]", "null", "true", "42", "\"text\"",
                "{\"name\":", "{\"name\":5}", "{\"name\":{}}", "{\"name\":[]}", "{\"name\":null}",
                "{\"name\":\"" + "x".repeat(100_000) + "\"}", "{\"name\":\"\\u0000\"}", "{\"name\":\"a\\ud800\"}",
                "{\"numbers\":\"+14155550100\"}", "{\"numbers\":[null]}", "{\"numbers\":[42]}",
                "{\"numbers\":[{\"number\":1e400}]}", "{\"numbers\":[{\"number\":\"+14155550100\",\"weight\":1e400}]}",
                "{\"to\":\"+1\",\"dry_run\":\"yes\"}", "{\"pool_id\":[],\"to\":{},\"text\":1}",
                "{\"sticky_ttl_days\":99999999999999999999}", "{\"long_code_weight\":-1}",
                "{\"long_code_weight\":1.5}", "{\"from\":{\"$ne\":null}}", "{\"provider\":\"sinch\"}",
                "{\"name\":\"ok\",\"name\":\"twice\",\"unknown\":1}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)));
        List<byte[]> bodies = new ArrayList<>(texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
        bodies.add(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
        bodies.add(new byte[2 * 1024 * 1024]);
        return bodies;
    }

    private record Snapshot(String pool, String numbers, String events, String stickies, String optOuts) {
        static Snapshot of(Api api, String pool) {
            return new Snapshot(api.get("/v1/pools/" + pool).body(), api.get("/v1/pools/" + pool + "/numbers").body(),
                    api.get("/v1/pools/" + pool + "/events?page_size=200").body(),
                    api.get("/v1/pools/" + pool + "/sticky-senders/%2B12125550100").body(),
                    api.get("/v1/opt-out-lists").body());
        }
    }

    private static void assertProblem(Api.Response r, String what) {
        assertTrue(r.status() >= 400 && r.status() < 500, what + " -> " + r.status() + " " + abbreviated(r.body()));
        String type = r.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/problem+json"), what + " -> " + type);
        assertFalse(r.code().isBlank(), what + " has a code: " + abbreviated(r.body()));
        assertEquals(r.status(), r.json().path("status").asInt(), what + ": the body's status is the response's");
        assertFalse(r.body().contains("Failed to convert") || r.body().contains("java.") || r.body().contains("io.micronaut"),
                what + " shows no framework text: " + abbreviated(r.body()));
        assertTrue(r.code().matches("[a-z_]+(\\.[a-z_]+)?"), what + ": code " + r.code());
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    @Test
    void noBodyOfAnyShapeGetsA5xxOrChangesAnything() {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", "{\"name\":\"target\"}").json().get("id").asText();
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[{\"number\":\"+14155550100\","
                + "\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\"}]}").status());
        Snapshot before = Snapshot.of(api, pool);
        String[][] endpoints = {
            {"POST", "/v1/pools"}, {"PATCH", "/v1/pools/" + pool}, {"POST", "/v1/pools/" + pool + "/numbers"},
            {"POST", "/v1/pools/" + pool + "/numbers/delete"}, {"POST", "/v1/pools/" + pool + "/sender-selections"},
            {"POST", "/v1/messages"}, {"POST", "/v1/messages/batch"}, {"POST", "/v1/event-endpoints"}, {"PUT", "/v1/pools/" + pool + "/sticky-senders/%2B12125550100"},
            {"POST", "/v1/opt-out-lists"}, {"POST", "/v1/pools/import"}, {"POST", "/v1/api-keys"}};
        int sent = 0;
        for (String[] endpoint : endpoints) {
            for (byte[] body : bodies()) {
                for (String type : new String[] {"application/json", "text/plain", null}) {
                    Api.Response r = api.raw(endpoint[0], endpoint[1], body, type);
                    if (endpoint[1].equals("/v1/api-keys") && r.status() == 201) {
                        continue; // creating a key takes no body fields: any body is ignored, by design
                    }
                    assertProblem(r, endpoint[0] + " " + endpoint[1] + " " + type + " "
                            + abbreviated(new String(body, StandardCharsets.UTF_8)));
                    sent++;
                }
            }
        }
        assertTrue(sent > 900, "requests sent: " + sent);
        assertEquals(before, Snapshot.of(api, pool), "nothing changed");
    }

    @Test
    void junkInPathsAndQueriesIsA4xxProblem() {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", "{\"name\":\"paths\"}").json().get("id").asText();
        String[] paths = {"/v1/pools/%00", "/v1/pools/" + "x".repeat(5_000),
            "/v1/pools/" + pool + "/numbers/not-a-number", "/v1/pools/" + pool + "/numbers/%2B1",
            "/v1/pools/" + pool + "/numbers/%2B999999999999999999999", "/v1/messages/msg_nope",
            "/v1/messages/%27%20OR%201=1", "/v1/pools?page_size=-1", "/v1/pools?page_size=100000",
            "/v1/pools?page_size=abc", "/v1/pools?page_token=!!!", "/v1/pools?page_token=" + "A".repeat(4_000),
            "/v1/pools?status=zombie", "/v1/pools?provider=sinch", "/v1/pools/" + pool + "/numbers?health=great",
            "/v1/pools/" + pool + "/numbers?type=landline", "/v1/pools/" + pool + "/events?page_size=0",
            "/v1/pools/" + pool + "/sticky-senders/12", "/v1/opt-out-lists/%20/numbers",
            "/v1/opt-out-lists/no-such-list/numbers/%2B12125550100", "/v1/pools/" + pool + "/sync/../../accounts"};
        for (String path : paths) {
            assertProblem(api.get(path), "GET " + path);
        }
        assertProblem(api.delete("/v1/pools/pool_01ZZZZZZZZZZZZZZZZZZZZZZZZ"), "DELETE unknown pool");
        assertProblem(api.send("PUT", "/v1/opt-out-lists/none/numbers/not-a-number", null), "PUT bad number");
        assertProblem(api.send("TRACE", "/v1/pools", null), "TRACE");
    }

    @Test
    void junkHeadersAreA4xxProblemAndChangeNothing() {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", "{\"name\":\"headers\"}").json().get("id").asText();
        Snapshot before = Snapshot.of(api, pool);
        for (String key : new String[] {"x".repeat(10_000), "pk_' OR '1'='1", "\u00e9\u00e8", " "}) {
            assertProblem(server.api(key).get("/v1/pools"), "X-API-Key " + abbreviated(key));
        }
        for (String etag : new String[] {"garbage", "\"-1\"", "\"99999999999999999999\"", "W/\"1\"x", "*,*"}) {
            assertProblem(api.patch("/v1/pools/" + pool, "{\"geomatch\":true}", "If-Match", etag), "If-Match " + etag);
        }
        Api.Response longKey = api.post("/v1/pools", "{\"name\":\"idem\"}", "Idempotency-Key", "k".repeat(10_000));
        assertProblem(longKey, "a 10,000-character Idempotency-Key");
        assertEquals(before, Snapshot.of(api, pool), "nothing changed");
    }

    @Test
    void unsignedOrBrokenWebhooksAre4xxProblems() {
        Api anonymous = server.anonymous();
        for (String provider : new String[] {"vonage", "telnyx", "pinpoint", "sandbox", "sinch", "%00"}) {
            for (String kind : new String[] {"delivery-receipts", "inbound"}) {
                for (byte[] body : List.of("".getBytes(StandardCharsets.UTF_8), "{".getBytes(StandardCharsets.UTF_8),
                        "{\"data\":{\"payload\":null}}".getBytes(StandardCharsets.UTF_8),
                        "msisdn=1&to=2&messageId=3&sig=x".getBytes(StandardCharsets.UTF_8))) {
                    for (String type : new String[] {"application/json", "application/x-www-form-urlencoded",
                        "text/plain"}) {
                        assertProblem(anonymous.raw("POST", "/v1/webhooks/" + provider + "/" + kind, body, type),
                                "webhook " + provider + "/" + kind + " " + type);
                    }
                }
            }
        }
    }

    @Test
    void badInputThatReachesTheFrameworkIsA4xxWithItsOwnStatus() {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", "{\"name\":\"framework\"}").json().get("id").asText();
        Snapshot before = Snapshot.of(api, pool);
        byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String[][] endpoints = {{"POST", "/v1/pools"}, {"PATCH", "/v1/pools/" + pool},
            {"POST", "/v1/pools/" + pool + "/numbers"}, {"POST", "/v1/messages"}, {"POST", "/v1/pools/import"},
            {"POST", "/v1/opt-out-lists"}, {"POST", "/v1/pools/" + pool + "/sender-selections"}};
        for (String[] endpoint : endpoints) {
            for (String type : new String[] {"application/json; charset=\"", "application/json; charset=no-such-set",
                "application/json; charset=x-unknown-1"}) {
                Api.Response r = api.raw(endpoint[0], endpoint[1], body, type);
                assertProblem(r, endpoint[0] + " " + endpoint[1] + " " + type);
                assertEquals(415, r.status(), endpoint[1] + " " + type);
            }
        }
        Api.Response notAcceptable = api.send("GET", "/v1/pools", null, "Accept", "text/csv");
        assertProblem(notAcceptable, "Accept: text/csv");
        assertEquals(406, notAcceptable.status());
        Api.Response tooLarge = api.raw("POST", "/v1/pools", new byte[3 * 1024 * 1024], "application/json");
        assertProblem(tooLarge, "3 MB body");
        assertEquals(413, tooLarge.status());
        Api.Response longLine = api.get("/v1/pools?q=" + "a".repeat(10_000));
        assertProblem(longLine, "a 10,000-character query");
        assertEquals(414, longLine.status());
        Api.Response bigHeaders = api.send("GET", "/v1/pools", null, "X-Junk", "a".repeat(20_000));
        assertProblem(bigHeaders, "20,000 characters of headers");
        assertEquals(431, bigHeaders.status());
        for (String query : new String[] {"page_size=abc", "page_size=1e3", "page_size=%00"}) {
            Api.Response r = api.get("/v1/pools?" + query);
            assertProblem(r, query);
            assertEquals("page_size", r.json().path("errors").path(0).path("field").asText(), r.body());
            assertTrue(r.body().contains("must be an integer 1-200"), "names what it takes: " + r.body());
        }
        assertEquals(before, Snapshot.of(api, pool), "nothing changed");
    }

    @Test
    void textWithUnpairedSurrogatesOrControlCharactersIsRefusedEverywhere() {
        Api admin = server.api(TestServer.ADMIN_KEY);
        Api api = server.newAccount();
        for (String bad : new String[] {"\\ud800", "a\\udc00b", "bell\\u0007", "line\\nbreak", "nul\\u0000", "\\u009b"}) {
            assertProblem(admin.post("/v1/accounts", "{\"name\":\"" + bad + "\"}"), "account " + bad);
            assertProblem(api.post("/v1/pools", "{\"name\":\"" + bad + "\"}"), "pool " + bad);
            assertProblem(api.post("/v1/opt-out-lists", "{\"name\":\"" + bad + "\"}"), "list " + bad);
        }
        assertEquals(0, api.get("/v1/pools").json().get("items").size());
        String pool = api.post("/v1/pools", "{\"name\":\"texts\"}").json().get("id").asText();
        Api.Response surrogate = api.post("/v1/messages", "{\"pool_id\":\"" + pool
                + "\",\"to\":\"+12125550100\",\"text\":\"hi \\ud83d\"}");
        assertProblem(surrogate, "a message text with half an emoji");
        assertEquals("text", surrogate.json().path("errors").path(0).path("field").asText(), surrogate.body());
    }
}
