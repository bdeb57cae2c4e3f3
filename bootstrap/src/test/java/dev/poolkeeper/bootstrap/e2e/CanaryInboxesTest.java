package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canary inboxes rented through an account's NumPool connection, against a stateful NumPool: prices and
 * balance first, a rental charged once whatever is retried or lost, and NumPool's refusals as problems.
 */
class CanaryInboxesTest {
    private static final String KEY = "np_live_canary0123456789";
    private static final String RENTALS = "/api/v1/rentals";

    private static NumPoolSimulator numpool;
    private static WireMockServer stub;
    private static TestServer server;

    @BeforeAll
    static void start() {
        numpool = new NumPoolSimulator(KEY);
        stub = Simulations.start(numpool, "/api/v1/.*");
        server = TestServer.start(Map.of("poolkeeper.canary.check-interval", "200ms"));
    }

    @AfterAll
    static void stop() {
        Simulations.stop(server, stub);
    }

    @BeforeEach
    void freshWallet() {
        numpool.balance = new BigDecimal("20.00");
        numpool.throttled.clear();
        Simulations.serveAll(stub, numpool, "/api/v1/.*");
    }

    private static String connection(Api api, String key) {
        Api.Response created = api.post("/v1/provider-connections", "{\"provider\":\"numpool\",\"name\":\"np-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"credentials\":{\"api_key\":\"" + key
                + "\"},\"base_url\":\"" + stub.baseUrl() + "/api/v1\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static Api.Response rent(Api api, String connection, String service, int days, String key) {
        String body = "{\"connection_id\":\"" + connection + "\",\"service\":\"" + service + "\",\"days\":" + days + "}";
        return key == null ? api.post("/v1/canary-inboxes", body)
                : api.post("/v1/canary-inboxes", body, "Idempotency-Key", key);
    }

    private static int rentCalls() {
        return stub.findAll(postRequestedFor(urlEqualTo(RENTALS))).size();
    }

    @Test
    void pricesAndBalanceComeFirstAndARentalIsChargedOnceHoweverOftenItIsAskedFor() {
        Api api = server.newAccount();
        String connection = connection(api, KEY);
        Api.Response check = api.post("/v1/provider-connections/" + connection + "/test", "");
        assertTrue(check.json().get("ok").asBoolean(), check.body());
        assertTrue(check.json().get("detail").asText().contains("20"), check.body());

        Api.Response options = api.get("/v1/canary-inboxes/rental-options?connection_id=" + connection
                + "&service=discord");
        assertEquals(200, options.status(), options.body());
        assertEquals(NumPoolSimulator.SERVICES.size(), options.json().get("services").size());
        assertEquals(5, options.json().get("prices").size(), options.body());
        assertEquals("4.5", options.json().get("prices").get(2).get("price").asText().replaceAll("0+$", ""));
        assertEquals("20", options.json().get("balance").get("amount").asText().replaceAll("\\.0+$", ""));
        assertEquals(0, rentCalls(), "looking costs nothing");

        Api.Response keyless = rent(api, connection, "discord", 7, null);
        assertEquals(400, keyless.status(), keyless.body());
        assertEquals("idempotency.key_required", keyless.code());
        assertEquals(0, rentCalls(), "no rental without a key");

        String key = UUID.randomUUID().toString();
        Api.Response first = rent(api, connection, "discord", 7, key);
        assertEquals(201, first.status(), first.body());
        JsonNode inbox = first.json();
        assertEquals("active", inbox.get("status").asText());
        assertTrue(inbox.get("number").asText().startsWith("+1646555"), first.body());
        Instant endsAt = Instant.parse(inbox.get("ends_at").asText());
        assertTrue(Duration.between(Instant.now(), endsAt).toHours() >= 7 * 24 - 1, first.body());
        assertTrue(inbox.get("days_left").asInt() >= 6, first.body());
        assertEquals(0, new BigDecimal("15.50").compareTo(numpool.balance));

        Api.Response retry = rent(api, connection, "discord", 7, key);
        assertEquals(200, retry.status(), retry.body());
        assertEquals(inbox.get("id").asText(), retry.json().get("id").asText());
        assertEquals(1, rentCalls(), "a retry never rents again");
        assertEquals(0, new BigDecimal("15.50").compareTo(numpool.balance), "charged once");

        Api.Response reused = rent(api, connection, "discord", 30, key);
        assertEquals(422, reused.status(), reused.body());
        assertEquals("idempotency.key_reused", reused.code());

        assertEquals(inbox.get("id").asText(), api.get("/v1/canary-inboxes").json().get("items").get(0).get("id")
                .asText());
        assertEquals(404, server.newAccount().get("/v1/canary-inboxes/" + inbox.get("id").asText()).status(),
                "another account does not see it");
        assertEquals(0, server.newAccount().get("/v1/canary-inboxes").json().get("items").size());
    }

    @Test
    void aRentalWhoseAnswerIsLostIsFoundInTheRentalsListAndNeverMadeTwice() {
        Api api = server.newAccount();
        String connection = connection(api, KEY);
        int before = rentCalls();
        int rentalsBefore = numpool.rentals.size();
        numpool.loseNextRentAnswer = true;
        String key = UUID.randomUUID().toString();
        Api.Response lost = rent(api, connection, "telegram", 3, key);
        assertEquals(201, lost.status(), lost.body());
        assertEquals("active", lost.json().get("status").asText(), "found through GET /rentals: " + lost.body());
        assertEquals(rentalsBefore + 1, numpool.rentals.size());
        String rentalId = lost.json().get("rental_id").asText();
        assertEquals("telegram", numpool.rentals.get(rentalId).get("service").asText());
        assertEquals(numpool.rentals.get(rentalId).get("number").asText(), lost.json().get("number").asText());

        Api.Response retry = rent(api, connection, "telegram", 3, key);
        assertEquals(lost.json().get("id").asText(), retry.json().get("id").asText());
        assertEquals(before + 1, rentCalls(), "exactly one POST /rentals");
    }

    @Test
    void whenTheRentalsListCannotBeReadEitherTheInboxStaysRentingUntilTheWorkerFindsIt() throws Exception {
        Api api = server.newAccount();
        String connection = connection(api, KEY);
        numpool.loseNextRentAnswer = true;
        numpool.throttleListAfterLostRent = 1;
        String key = UUID.randomUUID().toString();
        Api.Response renting = rent(api, connection, "any", 1, key);
        assertEquals(201, renting.status(), renting.body());
        assertEquals("renting", renting.json().get("status").asText(), renting.body());
        assertTrue(renting.json().get("detail").asText().contains("never rented twice")
                || renting.json().get("detail").asText().contains("could not be read"), renting.body());
        String id = renting.json().get("id").asText();
        JsonNode settled = null;
        for (int i = 0; i < 100; i++) {
            settled = api.get("/v1/canary-inboxes/" + id).json();
            if (!settled.get("status").asText().equals("renting")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("active", settled.get("status").asText(), settled.toString());
        assertTrue(stub.findAll(getRequestedFor(urlEqualTo(RENTALS))).size() >= 2, "looked again");
    }

    @Test
    void numPoolsRefusalsAreProblemsAndRentNothing() {
        Api api = server.newAccount();
        String connection = connection(api, KEY);
        numpool.balance = new BigDecimal("1.00");
        String key = UUID.randomUUID().toString();
        Api.Response poor = rent(api, connection, "discord", 7, key);
        assertEquals(402, poor.status(), poor.body());
        assertEquals("provider.insufficient_balance", poor.code());
        assertEquals(0, api.get("/v1/canary-inboxes").json().get("items").size(), "nothing was kept");
        numpool.balance = new BigDecimal("10.00");
        assertEquals(201, rent(api, connection, "discord", 7, key).status(), "after a top-up the key rents");

        numpool.throttled.put("POST /rentals", new AtomicInteger(1));
        Api.Response throttled = rent(api, connection, "discord", 1, UUID.randomUUID().toString());
        assertEquals(429, throttled.status(), throttled.body());
        assertEquals("provider.throttled", throttled.code());
        assertTrue(throttled.json().get("detail").asText().contains("wait 1 s"), throttled.body());

        String badKey = connection(api, "np_live_wrong");
        Api.Response refused = api.get("/v1/canary-inboxes/rental-options?connection_id=" + badKey);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("provider.unauthorized", refused.code());
        assertFalse(refused.body().contains("np_live_wrong"), "the key never comes back");

        Api.Response unknownService = rent(api, connection, "no-such", 7, UUID.randomUUID().toString());
        assertEquals(422, unknownService.status(), unknownService.body());
        assertEquals("provider.rejected", unknownService.code());
        assertEquals(400, rent(api, connection, "discord", 5, UUID.randomUUID().toString()).status());
        assertEquals(400, rent(api, connection, "bad service!", 7, UUID.randomUUID().toString()).status());
    }

    @Test
    void aNumPoolNumberIsNeverASenderAndASendingConnectionRentsNothing() {
        Api api = server.newAccount();
        Api.Response pool = api.post("/v1/pools", "{\"name\":\"canaries\"}");
        String poolId = pool.json().get("id").asText();
        Api.Response member = api.post("/v1/pools/" + poolId + "/numbers",
                "{\"numbers\":[{\"number\":\"+16465550001\",\"provider\":\"numpool\"}]}");
        assertEquals(400, member.status(), member.body());
        assertTrue(member.body().contains("numbers[0].provider"), member.body());

        Api.Response sandbox = api.post("/v1/provider-connections", "{\"provider\":\"sandbox\",\"name\":\"sbx\"}");
        assertEquals(201, sandbox.status(), sandbox.body());
        Api.Response wrong = rent(api, sandbox.json().get("id").asText(), "discord", 7, UUID.randomUUID().toString());
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("connection_id"), wrong.body());
    }
}
