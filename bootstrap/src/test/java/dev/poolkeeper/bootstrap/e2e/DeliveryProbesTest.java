package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes from a pool's Telnyx numbers to a NumPool canary inbox, end to end: the Telnyx stub hands every
 * message it accepts to the NumPool stub's inbox of the number it was sent to — except from numbers the test
 * has silenced, as a carrier filtering them would.
 */
class DeliveryProbesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMPOOL_KEY = "np_live_probes0123456789";
    private static final String TELNYX_KEY = "KEYprobesprobesprobesprobes-1";

    private static NumPoolSimulator numpool;
    private static WireMockServer numpoolStub;
    private static WireMockServer telnyx;
    private static TestServer server;
    private static final Set<String> silenced = ConcurrentHashMap.newKeySet();
    private static int block;

    @BeforeAll
    static void start() {
        numpool = new NumPoolSimulator(NUMPOOL_KEY);
        numpool.balance = new java.math.BigDecimal("100.00");
        numpoolStub = Simulations.start(numpool, "/api/v1/.*");
        telnyx = new WireMockServer(options().dynamicPort());
        telnyx.start();
        telnyx.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"data\":{\"id\":\"{{randomValue type='UUID'}}\"}}")));
        telnyx.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().equals("/v2/messages")) {
                try {
                    JsonNode sms = JSON.readTree(request.getBodyAsString());
                    if (!silenced.contains(sms.get("from").asText())) {
                        numpool.deliver(sms.get("to").asText(), sms.get("from").asText(), sms.get("text").asText());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        Map<String, Object> config = new HashMap<>();
        config.put("poolkeeper.canary.poll-interval", "200ms");
        config.put("poolkeeper.canary.probe-deadline", "PT2S");
        config.put("poolkeeper.health.window", 2);
        config.put("poolkeeper.health.min-receipts", 2);
        config.put("poolkeeper.canary.min-schedule-interval", "PT1M");
        config.put("poolkeeper.canary.check-interval", "200ms");
        config.put("poolkeeper.canary.probe-retention", "P2D");
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        telnyx.stop();
        Simulations.stop(server, numpoolStub);
    }

    private record Setup(Api api, String pool, List<String> numbers, String inbox) {
    }

    private static Setup setup() {
        Api api = server.newAccount();
        assertEquals(201, api.post("/v1/provider-connections", "{\"provider\":\"telnyx\",\"name\":\"t\","
                + "\"credentials\":{\"api_key\":\"" + TELNYX_KEY + "\"},\"base_url\":\"" + telnyx.baseUrl() + "\"}")
                .status());
        String numpoolConnection = api.post("/v1/provider-connections", "{\"provider\":\"numpool\",\"name\":\"np\","
                + "\"credentials\":{\"api_key\":\"" + NUMPOOL_KEY + "\"},\"base_url\":\"" + numpoolStub.baseUrl()
                + "/api/v1\"}").json().get("id").asText();
        int b = ++block;
        List<String> numbers = List.of("+164760" + b + "0001", "+164760" + b + "0002", "+164760" + b + "0003");
        String pool = api.post("/v1/pools", Api.pool("probed-" + b)).json().get("id").asText();
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", Api.numbers(numbers.stream()
                .map(Api::usLongCode).toArray(String[]::new))).status());
        Api.Response inbox = api.post("/v1/canary-inboxes", "{\"connection_id\":\"" + numpoolConnection
                + "\",\"service\":\"any\",\"days\":7}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, inbox.status(), inbox.body());
        return new Setup(api, pool, numbers, inbox.json().get("id").asText());
    }

    private static Api.Response run(Setup s, int sample) {
        return s.api().post("/v1/pools/" + s.pool() + "/probes", "{\"inbox_id\":\"" + s.inbox() + "\",\"sample\":"
                + sample + "}");
    }

    /** The pool's probes once none is awaited any more. */
    private static JsonNode settled(Setup s) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode items = s.api().get("/v1/pools/" + s.pool() + "/probes?page_size=200").json().get("items");
            boolean awaited = false;
            for (JsonNode p : items) {
                awaited |= p.get("status").asText().equals("sent");
            }
            if (!awaited) {
                return items;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("probes still awaited");
    }

    private static List<JsonNode> from(JsonNode probes, String number, Predicate<JsonNode> also) {
        List<JsonNode> found = new java.util.ArrayList<>();
        probes.forEach(p -> {
            if (p.get("number").asText().equals(number) && also.test(p)) {
                found.add(p);
            }
        });
        return found;
    }

    private static List<JsonNode> events(Setup s, String type) {
        List<JsonNode> found = new java.util.ArrayList<>();
        s.api().get("/v1/pools/" + s.pool() + "/events?page_size=200").json().get("items").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    private static String health(Setup s, String number) {
        return s.api().get("/v1/pools/" + s.pool() + "/numbers/" + number.substring(1)).json().get("health").asText();
    }

    @Test
    void aNumberWhoseProbesDoNotArriveWhileOthersDoTurnsUnhealthy() throws Exception {
        Setup s = setup();
        String quiet = s.numbers().get(2);
        silenced.add(quiet);
        Api.Response first = run(s, 3);
        assertEquals(202, first.status(), first.body());
        assertEquals(3, first.json().get("items").size());
        first.json().get("items").forEach(p -> {
            assertEquals("sent", p.get("status").asText(), p.toString());
            assertTrue(p.get("code").asText().matches("PK-[A-Z2-9]{8}"), p.toString());
        });
        JsonNode probes = settled(s);
        for (String number : s.numbers().subList(0, 2)) {
            JsonNode delivered = from(probes, number, p -> true).get(0);
            assertEquals("delivered", delivered.get("status").asText(), delivered.toString());
            assertTrue(delivered.get("latency_ms").asLong() >= 0, delivered.toString());
        }
        assertEquals("lost", from(probes, quiet, p -> true).get(0).get("status").asText(), probes.toString());
        assertEquals("unknown", health(s, quiet), "one lost probe is not enough to judge");

        assertEquals(202, run(s, 3).status());
        probes = settled(s);
        assertEquals(2, from(probes, quiet, p -> p.get("status").asText().equals("lost")).size(), probes.toString());
        assertEquals("unhealthy", health(s, quiet), "two lost probes out of two, others arriving");
        assertEquals("healthy", health(s, s.numbers().get(0)));
        boolean signalled = false;
        for (JsonNode e : s.api().get("/v1/pools/" + s.pool() + "/events?page_size=200").json().get("items")) {
            signalled |= e.get("type").asText().equals("number.health_changed") && e.toString().contains("probe");
        }
        assertTrue(signalled, "the health change says the probes judged it");
        silenced.remove(quiet);
    }

    @Test
    void anInboxThatReceivesNothingIsPausedAndMarksNoNumberUnhealthy() throws Exception {
        Setup s = setup();
        silenced.addAll(s.numbers());
        assertEquals(202, run(s, 3).status());
        JsonNode probes = settled(s);
        probes.forEach(p -> assertEquals("inconclusive", p.get("status").asText(), p.toString()));
        JsonNode inbox = s.api().get("/v1/canary-inboxes/" + s.inbox()).json();
        assertFalse(inbox.get("probes_paused").isNull(), inbox.toString());
        for (String number : s.numbers()) {
            assertEquals("unknown", health(s, number), "a broken inbox judges no number");
        }
        assertEquals(1, events(s, "canary.inbox_paused").size(), "the pool's history says why its probes stopped");
        Api.Response refused = run(s, 1);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("canary_inbox.not_probeable", refused.code());

        silenced.removeAll(s.numbers());
        Api.Response resumed = s.api().post("/v1/canary-inboxes/" + s.inbox() + "/resume-probes", "");
        assertEquals(200, resumed.status(), resumed.body());
        assertTrue(resumed.json().get("probes_paused").isNull(), resumed.body());
        assertEquals(202, run(s, 1).status());
        assertEquals(1, from(settled(s), s.numbers().get(0), p -> p.get("status").asText().equals("delivered"))
                .size() + from(settled(s), s.numbers().get(1), p -> p.get("status").asText().equals("delivered")).size()
                + from(settled(s), s.numbers().get(2), p -> p.get("status").asText().equals("delivered")).size());
    }

    @Test
    void aRentalThatEndsWhileProbesAreAwaitedExpiresTheInboxAndJudgesNobody() throws Exception {
        Setup s = setup();
        silenced.addAll(s.numbers());
        assertEquals(202, run(s, 2).status());
        String rentalId = s.api().get("/v1/canary-inboxes/" + s.inbox()).json().get("rental_id").asText();
        numpool.expire(rentalId);
        JsonNode probes = settled(s);
        probes.forEach(p -> assertEquals("inconclusive", p.get("status").asText(), p.toString()));
        assertEquals("expired", s.api().get("/v1/canary-inboxes/" + s.inbox()).json().get("status").asText());
        silenced.removeAll(s.numbers());
        assertEquals(409, run(s, 1).status(), "an expired inbox takes no probes");
        assertEquals(404, server.newAccount().get("/v1/pools/" + s.pool() + "/probes").status(),
                "another account sees no probes");
    }

    @Test
    void aRevokedKeyPausesEveryInboxOfTheConnectionAndBlamesNoNumber() throws Exception {
        Setup s = setup();
        String second = s.api().post("/v1/canary-inboxes", "{\"connection_id\":\"" + s.api().get(
                "/v1/canary-inboxes/" + s.inbox()).json().get("connection_id").asText()
                + "\",\"service\":\"any\",\"days\":1}", "Idempotency-Key", UUID.randomUUID().toString())
                .json().get("id").asText();
        silenced.addAll(s.numbers());
        assertEquals(202, run(s, 3).status());
        numpool.key = "np_live_rotated";
        try {
            JsonNode probes = settled(s);
            probes.forEach(p -> {
                assertEquals("inconclusive", p.get("status").asText(), p.toString());
                assertTrue(p.get("detail").asText().contains("refused the connection's key"), p.toString());
            });
            for (String inbox : List.of(s.inbox(), second)) {
                JsonNode paused = s.api().get("/v1/canary-inboxes/" + inbox).json();
                assertTrue(paused.get("probes_paused").asText().contains("key"), paused.toString());
            }
            for (String number : s.numbers()) {
                assertEquals("unknown", health(s, number));
            }
        } finally {
            numpool.key = NUMPOOL_KEY;
            silenced.removeAll(s.numbers());
        }
    }

    @Test
    void aScheduleProbesThePoolAtOnceAndThenEveryInterval() throws Exception {
        Setup s = setup();
        String path = "/v1/pools/" + s.pool() + "/probe-schedule";
        assertEquals("probe_schedule.not_found", s.api().get(path).code());
        Api.Response tooOften = s.api().send("PUT", path, "{\"inbox_id\":\"" + s.inbox() + "\",\"interval\":\"PT10S\"}");
        assertEquals(400, tooOften.status(), tooOften.body());
        assertTrue(tooOften.body().contains("interval"), tooOften.body());
        assertEquals(400, s.api().send("PUT", path, "{\"inbox_id\":\"" + s.inbox() + "\",\"interval\":\"hourly\"}")
                .status());

        Api.Response put = s.api().send("PUT", path, "{\"inbox_id\":\"" + s.inbox() + "\",\"sample\":2,"
                + "\"interval\":\"PT1H\"}");
        assertEquals(200, put.status(), put.body());
        assertEquals("PT1H", put.json().get("interval").asText());
        JsonNode probes = settled(s);
        for (int i = 0; i < 50 && probes.size() < 2; i++) {
            Thread.sleep(100);
            probes = settled(s);
        }
        assertEquals(2, probes.size(), "the first run is due at once: " + probes);
        probes.forEach(p -> assertEquals("delivered", p.get("status").asText(), p.toString()));
        JsonNode schedule = s.api().get(path).json();
        assertEquals("2 probes sent", schedule.get("last_result").asText(), schedule.toString());
        java.time.Duration untilNext = java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse(schedule.get("next_run_at").asText()));
        assertTrue(untilNext.toMinutes() >= 58, "the next run is an interval later: " + schedule);
        assertEquals(404, server.newAccount().get(path).status(), "another account sees no schedule");

        assertEquals(204, s.api().delete(path).status());
        assertEquals(404, s.api().get(path).status());
    }

    @Test
    void anInboxEndingWithinADayIsAnnouncedOnceInThePoolsItServesAndMeasured() throws Exception {
        Setup s = setup();
        String connection = s.api().get("/v1/canary-inboxes/" + s.inbox()).json().get("connection_id").asText();
        String shortLived = s.api().post("/v1/canary-inboxes", "{\"connection_id\":\"" + connection
                + "\",\"service\":\"any\",\"days\":1}", "Idempotency-Key", UUID.randomUUID().toString())
                .json().get("id").asText();
        assertEquals(200, s.api().send("PUT", "/v1/pools/" + s.pool() + "/probe-schedule", "{\"inbox_id\":\""
                + shortLived + "\",\"sample\":1,\"interval\":\"PT1H\"}").status());
        List<JsonNode> warned = List.of();
        for (int i = 0; i < 50 && warned.isEmpty(); i++) {
            Thread.sleep(100);
            warned = events(s, "canary.inbox_expiring");
        }
        assertEquals(1, warned.size(), "announced in the pool whose schedule uses it");
        assertEquals(1, warned.get(0).get("after").get("within_days").asInt(), warned.toString());
        assertEquals(shortLived, warned.get(0).get("after").get("inbox_id").asText());
        Thread.sleep(600);
        assertEquals(1, events(s, "canary.inbox_expiring").size(), "once, however many rounds pass");
        String metrics = server.anonymous().get("/metrics").body();
        assertTrue(metrics.contains("poolkeeper_canary_inbox_days_left{inbox=\"" + shortLived + "\"} 0.0"), metrics
                .lines().filter(l -> l.contains("canary")).toList().toString());
        assertTrue(metrics.contains("poolkeeper_canary_inbox_expiry_warnings_total{within_days=\"1\"}"));
        s.api().delete("/v1/pools/" + s.pool() + "/probe-schedule");
        settled(s);
    }

    @Test
    void settledProbesPastTheirRetentionAreForgottenAwaitedOnesNever() throws Exception {
        Setup s = setup();
        assertEquals(202, run(s, 2).status());
        settled(s);
        silenced.addAll(s.numbers());
        try {
            assertEquals(202, run(s, 1).status());
            try (java.sql.Connection db = server.database();
                 java.sql.PreparedStatement ps = db.prepareStatement("UPDATE canary_probes SET sent_at = ?,"
                         + " deadline = CASE WHEN status = 'sent' THEN ? ELSE deadline END WHERE pool_id = ?")) {
                // three days old; the awaited one's deadline an hour away, so that it stays awaited meanwhile
                java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
                ps.setObject(1, now.minusDays(3));
                ps.setObject(2, now.plusHours(1));
                ps.setString(3, s.pool());
                assertEquals(3, ps.executeUpdate());
            }
            JsonNode left = null;
            for (int i = 0; i < 50; i++) {
                Thread.sleep(100);
                left = s.api().get("/v1/pools/" + s.pool() + "/probes").json().get("items");
                if (left.size() == 1) {
                    break;
                }
            }
            assertEquals(1, left.size(), "the two settled ones are forgotten: " + left);
            assertEquals("sent", left.get(0).get("status").asText(), "an awaited probe is kept: " + left);
        } finally {
            silenced.removeAll(s.numbers());
            try (java.sql.Connection db = server.database();
                 java.sql.PreparedStatement ps = db.prepareStatement("UPDATE canary_probes SET deadline = sent_at"
                         + " WHERE pool_id = ? AND status = 'sent'")) {
                ps.setString(1, s.pool());
                ps.executeUpdate();
            }
        }
        settled(s);
    }
}
