package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.poolkeeper.adapters.providers.vonage.VonagePoolsSimulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mirroring onto Vonage end to end: the service and its sync worker against a stateful simulation of the
 * Vonage Number Pools API on WireMock; assertions on the requests Vonage received.
 */
class VonageSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "abcd1234";
    private static final String POOLS = "/v2/numberpools/accounts/" + ACCOUNT + "/pools";

    private static WireMockServer vonage;
    private static VonagePoolsSimulator simulator;
    private static TestServer server;
    private static int numberBlock;

    @BeforeAll
    static void start() {
        simulator = new VonagePoolsSimulator(ACCOUNT, "vonage-secret");
        vonage = Simulations.start(simulator, "/v2/numberpools/.*");
        Map<String, Object> config = Simulations.quickSync();
        config.put("poolkeeper.providers.vonage.base-url", vonage.baseUrl());
        config.put("poolkeeper.providers.vonage.api-key", ACCOUNT);
        config.put("poolkeeper.providers.vonage.api-secret", "vonage-secret");
        config.put("poolkeeper.providers.request-timeout", "PT3S");
        config.put("poolkeeper.sync.lease", "PT10S");
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        Simulations.stop(server, vonage);
    }

    /** Every request Vonage received in a test conforms to the Number Pools spec 2.0.4. */
    @org.junit.jupiter.api.AfterEach
    void requestsMatchTheVonageSpec() {
        assertEquals(List.of(), SPEC.violations(vonage.findAll(anyRequestedFor(anyUrl()))));
    }

    private static final SpecValidator SPEC = SpecValidator.vonageNumberPools();

    @BeforeEach
    void simulatorOnly() {
        Simulations.serveAll(vonage, simulator, "/v2/numberpools/.*");
    }

    /** Numbers no other test uses. */
    private static List<String> vonageNumbers(int count) {
        int block = ++numberBlock;
        return IntStream.range(0, count).mapToObj(i -> String.format(Locale.ROOT, "+1415%03d%04d", 300 + block, i))
                .toList();
    }

    private static String createPool(Api api, String name) {
        Api.Response created = api.post("/v1/pools", Api.pool(name));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static void add(Api api, String pool, List<String> numbers) {
        for (int i = 0; i < numbers.size(); i += 50) {
            List<String> items = numbers.subList(i, Math.min(numbers.size(), i + 50)).stream()
                    .map(n -> "{\"number\":\"" + n + "\",\"provider\":\"vonage\",\"campaign_id\":\"CABC123\"}").toList();
            Api.Response r = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(items.toArray(String[]::new)));
            assertTrue(r.status() == 200 || r.status() == 207, r.body());
        }
    }

    private static JsonNode awaitState(Api api, String pool, String state) throws InterruptedException {
        return SyncStatus.await(api, pool, state);
    }

    private static String vonageId(String pool) {
        return pool.toLowerCase(Locale.ROOT);
    }

    private static List<LoggedRequest> writes() {
        return vonage.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().getName().equals("GET")).toList();
    }

    private static List<LoggedRequest> adds(String pool) {
        return vonage.findAll(postRequestedFor(urlPathEqualTo(POOLS + "/" + vonageId(pool) + "/numbers")));
    }

    private static Set<String> digits(List<String> e164) {
        Set<String> out = new HashSet<>();
        e164.forEach(n -> out.add(n.substring(1)));
        return out;
    }

    @Test
    void adding120NumbersCreatesThePoolAndMakesExactlyThreeAddCalls() throws Exception {
        Api api = server.newAccount();
        double addsBefore = syncCalls("add_numbers", "ok");
        String pool = createPool(api, "mirrored");
        List<String> numbers = vonageNumbers(120);
        add(api, pool, numbers);
        JsonNode part = awaitState(api, pool, "in_sync");
        assertTrue(syncCalls("add_numbers", "ok") - addsBefore >= 3, "the calls are in poolkeeper_sync_calls");
        assertEquals("vonage", part.get("provider").asText());
        assertEquals(vonageId(pool), part.get("provider_pool_id").asText());
        assertEquals(digits(numbers), simulator.numbers.get(vonageId(pool)));

        List<LoggedRequest> creates = vonage.findAll(postRequestedFor(urlPathEqualTo(POOLS)));
        assertEquals(1, creates.stream().filter(r -> r.getBodyAsString().contains(vonageId(pool))).count());
        JsonNode create = JSON.readTree(creates.get(creates.size() - 1).getBodyAsString());
        assertEquals("Pool", create.get("fallback").asText());
        assertEquals(false, create.get("localized_sender_preferred").asBoolean());
        List<LoggedRequest> adds = adds(pool);
        assertEquals(3, adds.size(), "120 numbers in batches of at most 50");
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest r : adds) {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            sizes.add(body.get("numbers").size());
            body.get("numbers").forEach(n -> assertTrue(n.asText().matches("^[0-9]{7,15}$"), "digits, no +"));
            assertTrue(r.getHeader("Authorization").startsWith("Basic "));
        }
        assertEquals(120, sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.stream().allMatch(s -> s <= 50), sizes.toString());

        vonage.resetRequests();
        String before = part.get("last_synced_at").asText();
        assertEquals(202, api.post("/v1/pools/" + pool + "/sync", null).status());
        SyncStatus.until(() -> !(before.equals(api.get("/v1/pools/" + pool + "/sync").json().get("providers").get(0)
                .get("last_synced_at").asText())), 30);
        assertEquals(List.of(), writes(), "a pool in sync makes no write call");
        assertTrue(vonage.findAll(anyRequestedFor(anyUrl())).size() >= 2, "it read the pool and its numbers");
    }

    @Test
    void aSettingsChangeIsOnePatchAndARemovedNumberIsRemovedAtVonage() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "patched");
        List<String> numbers = vonageNumbers(3);
        add(api, pool, numbers);
        awaitState(api, pool, "in_sync");
        vonage.resetRequests();
        assertEquals(200, api.patch("/v1/pools/" + pool, "{\"sticky_sender\":true}").status());
        assertEquals(204, api.delete("/v1/pools/" + pool + "/numbers/" + numbers.get(0).substring(1)).status());
        SyncStatus.until(() -> simulator.numbers.get(vonageId(pool)).size() == 2, 30);
        awaitState(api, pool, "in_sync");
        assertEquals(true, simulator.pools.get(vonageId(pool)).get("predictable_sender_preferred"));
        assertEquals(digits(numbers.subList(1, 3)), simulator.numbers.get(vonageId(pool)));
        assertTrue(vonage.findAll(anyRequestedFor(urlPathEqualTo(POOLS + "/" + vonageId(pool)))).stream()
                .anyMatch(r -> r.getMethod().getName().equals("PATCH")));
    }

    @Test
    void aNumberRemovedAtVonageIsReportedAsDriftAndPutBack() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "drifting");
        List<String> numbers = vonageNumbers(4);
        add(api, pool, numbers);
        awaitState(api, pool, "in_sync");
        simulator.numbers.get(vonageId(pool)).remove(numbers.get(2).substring(1));
        vonage.resetRequests();

        JsonNode plan = api.post("/v1/pools/" + pool + "/sync/plan", null).json().get("providers").get(0);
        assertEquals(1, plan.get("operations").size(), plan.toString());
        assertEquals("add_numbers", plan.get("operations").get(0).get("operation").asText());
        assertEquals(numbers.get(2), plan.get("operations").get(0).get("numbers").get(0).asText());
        assertEquals(List.of(), writes(), "a plan performs nothing");

        assertEquals(202, api.post("/v1/pools/" + pool + "/sync", null).status());
        SyncStatus.until(() -> simulator.numbers.get(vonageId(pool)).size() == 4, 30);
        awaitState(api, pool, "in_sync");
        assertEquals(digits(numbers), simulator.numbers.get(vonageId(pool)));
        List<String> types = new ArrayList<>();
        api.get("/v1/pools/" + pool + "/events?page_size=200").json().get("items")
                .forEach(e -> types.add(e.get("type").asText()));
        assertTrue(types.contains("sync.drift_detected"), types.toString());
    }

    @Test
    void numbersVonageRefusesAreRecordedAndThePartIsFailedWithTheirReason() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "partial");
        List<String> numbers = vonageNumbers(3);
        simulator.notSubscribed.add(numbers.get(1).substring(1));
        add(api, pool, numbers);
        JsonNode part = awaitState(api, pool, "failed");
        String error = part.get("last_error").asText();
        assertTrue(error.contains(numbers.get(1)) && error.contains("No such number subscription"), error);
        assertTrue(syncCalls("add_numbers", "partial") >= 1, "a 207 is a partial call in the metrics");
        assertEquals(Set.of(numbers.get(0).substring(1), numbers.get(2).substring(1)),
                simulator.numbers.get(vonageId(pool)));
        assertEquals(3, api.get("/v1/pools/" + pool + "/numbers").json().get("items").size(),
                "the desired state is never changed by a failure");
        assertEquals(202, api.post("/v1/pools/" + pool + "/sync", null).status());
        SyncStatus.until(() -> !api.get("/v1/pools/" + pool + "/sync").json().get("providers").get(0)
                .get("last_synced_at").asText().equals(part.get("last_synced_at").asText()), 30);
        JsonNode again = api.get("/v1/pools/" + pool + "/sync").json().get("providers").get(0);
        assertTrue(!again.get("last_synced_at").asText().equals(part.get("last_synced_at").asText()),
                "the pool was synced again: " + again);
        assertEquals("failed", again.get("state").asText());
        long failures = 0;
        for (JsonNode e : api.get("/v1/pools/" + pool + "/events?page_size=200").json().get("items")) {
            failures += e.get("type").asText().equals("sync.failed") ? 1 : 0;
        }
        assertEquals(1, failures, "the same failure again is not a new event");
    }

    @Test
    void aProviderDownLongerThanTheRetriesLeavesThePartPendingWithTheErrorUntilItIsBack() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "outage");
        com.github.tomakehurst.wiremock.stubbing.StubMapping outage = vonage.stubFor(
                any(urlPathMatching(POOLS + "/" + vonageId(pool) + ".*")).atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        List<String> numbers = vonageNumbers(2);
        add(api, pool, numbers);
        SyncStatus.until(() -> api.get("/v1/pools/" + pool + "/sync").json().get("providers").get(0)
                .path("last_error").asText().startsWith("provider.unavailable"), 30);
        JsonNode part = api.get("/v1/pools/" + pool + "/sync").json().get("providers").get(0);
        assertEquals("pending", part.get("state").asText(), part.toString());
        assertTrue(part.get("last_error").asText().contains("HTTP 503"), part.toString());
        vonage.removeStub(outage);
        awaitState(api, pool, "in_sync");
        assertEquals(digits(numbers), simulator.numbers.get(vonageId(pool)));
    }

    @Test
    void refusedCredentialsGiveAClearFailedState() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "unauthorized");
        vonage.stubFor(any(urlPathMatching(POOLS + "/" + vonageId(pool) + ".*")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"https://developer.vonage.com/api-errors#unauthorized\","
                                + "\"title\":\"Invalid credentials supplied\","
                                + "\"detail\":\"You did not provide correct credentials.\"}")));
        add(api, pool, vonageNumbers(2));
        JsonNode part = awaitState(api, pool, "failed");
        assertTrue(part.get("last_error").asText().startsWith("provider.unauthorized"), part.toString());
        assertTrue(!part.get("last_error").asText().contains("vonage-secret"), "credentials are never shown");
    }

    @Test
    void faultsAreRetriedWithBackoffAndEndInSyncWithNothingLostOrAddedTwice() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "faulty");
        String numbersPath = POOLS + "/" + vonageId(pool) + "/numbers";
        String scenario = "faults-" + pool;
        vonage.stubFor(post(urlPathEqualTo(numbersPath)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("429")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"https://developer.vonage.com/api-errors#throttled\","
                                + "\"title\":\"Too many requests\",\"retry_after\":1}")));
        vonage.stubFor(post(urlPathEqualTo(numbersPath)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("429").willSetStateTo("500")
                .willReturn(aResponse().withStatus(500)));
        vonage.stubFor(post(urlPathEqualTo(numbersPath)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("500").willSetStateTo("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        vonage.stubFor(post(urlPathEqualTo(numbersPath)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("reset").willSetStateTo("healthy")
                .willReturn(aResponse().withStatus(201).withFixedDelay(4500)));
        List<String> numbers = vonageNumbers(60);
        add(api, pool, numbers);
        SyncStatus.until(() -> digits(numbers).equals(simulator.numbers.get(vonageId(pool))), 30);
        awaitState(api, pool, "in_sync");
        assertEquals(digits(numbers), simulator.numbers.get(vonageId(pool)));
        List<LoggedRequest> adds = vonage.findAll(postRequestedFor(urlPathEqualTo(numbersPath)));
        assertTrue(adds.size() >= 5, "four faults, then the adds: " + adds.size());
        assertEquals(1, vonage.findAll(postRequestedFor(urlPathEqualTo(POOLS))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(vonageId(pool)))).size(),
                "the pool is created once");
        List<LoggedRequest> inOrder = new ArrayList<>(adds);
        inOrder.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        long waited = inOrder.get(1).getLoggedDate().getTime() - inOrder.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 900, "Retry-After: 1 was honoured before the next call (waited " + waited + " ms)");
    }

    @Test
    void deletingThePoolDeletesItAtVonageAndItsSyncStateGoes() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "short-lived");
        add(api, pool, vonageNumbers(2));
        awaitState(api, pool, "in_sync");
        assertEquals(204, api.delete("/v1/pools/" + pool).status());
        java.util.function.LongSupplier deletes = () -> vonage.findAll(anyRequestedFor(urlPathEqualTo(POOLS + "/"
                + vonageId(pool)))).stream().filter(r -> r.getMethod().getName().equals("DELETE")).count();
        SyncStatus.until(() -> !simulator.pools.containsKey(vonageId(pool)) && deletes.getAsLong() > 0, 30);
        assertTrue(!simulator.pools.containsKey(vonageId(pool)), "the Vonage pool is deleted");
        assertEquals(1, deletes.getAsLong());
        SyncStatus.until(() -> requestRows(pool) == 0, 30);
        assertEquals(0, requestRows(pool), "nothing is left to sync");
    }

    @Test
    void importAdoptsAVonagePoolWithEveryPageOfItsNumbersAndWritesNothing() throws Exception {
        Api api = server.newAccount();
        List<String> numbers = vonageNumbers(120);
        simulator.pools.put("legacy_pool", new LinkedHashMap<>(Map.of("fallback", "Reject",
                "localized_sender_preferred", true, "predictable_sender_preferred", true)));
        simulator.numbers.put("legacy_pool", new java.util.LinkedHashSet<>(digits(numbers)));
        Api.Response imported = api.post("/v1/pools/import", "{\"provider\":\"vonage\","
                + "\"provider_pool_id\":\"legacy_pool\",\"name\":\"legacy\",\"campaign_id\":\"CABC123\"}");
        assertEquals(201, imported.status(), imported.body());
        JsonNode pool = imported.json();
        assertEquals("reject", pool.get("fallback").asText());
        assertEquals(true, pool.get("sticky_sender").asBoolean());
        assertEquals(true, pool.get("localized_sender_preferred").asBoolean());
        assertEquals(120, pool.get("number_count").asInt());
        String id = pool.get("id").asText();
        JsonNode part = api.get("/v1/pools/" + id + "/sync").json().get("providers").get(0);
        assertEquals("legacy_pool", part.get("provider_pool_id").asText());
        assertEquals("in_sync", part.get("state").asText());
        assertEquals(2, vonage.findAll(anyRequestedFor(urlPathEqualTo(POOLS + "/legacy_pool/numbers"))).size(),
                "both pages of 100 were read");
        assertEquals(List.of(), writes(), "an import reads only");

        assertEquals(404, api.post("/v1/pools/import", "{\"provider\":\"vonage\",\"provider_pool_id\":"
                + "\"no_such_pool\",\"name\":\"x\"}").status());
        Api.Response again = api.post("/v1/pools/import", "{\"provider\":\"vonage\",\"provider_pool_id\":"
                + "\"legacy_pool\",\"name\":\"legacy-2\",\"campaign_id\":\"CABC123\"}");
        assertEquals(409, again.status(), again.body());
        assertEquals("provider_pool.already_mirrored", again.code());
        assertTrue(again.json().get("detail").asText().contains(id), "names the pool that mirrors it: " + again.body());
        assertEquals(1, api.get("/v1/pools").json().get("items").size(), "nothing was created by the refusal");
    }

    @Test
    void aPartOfAProviderWithoutCredentialsFailsWithItsSyncFailedEventOnce() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "telnyx-here");
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550190")));
        assertEquals(200, added.status(), added.body());
        JsonNode part = awaitState(api, pool, "failed");
        assertEquals("telnyx", part.get("provider").asText());
        assertTrue(part.get("last_error").asText().startsWith("provider.not_configured"), part.toString());
        assertEquals(202, api.post("/v1/pools/" + pool + "/sync", null).status());
        SyncStatus.until(() -> api.get("/v1/pools/" + pool + "/sync").json().get("providers").get(0)
                .get("pending_operations").asInt() == 0 && failedEvents(api, pool) >= 1, 30);
        Thread.sleep(1_500); // the requested sync ran again
        assertEquals(1, failedEvents(api, pool), "one sync.failed event for a failure that does not change");
    }

    private static long failedEvents(Api api, String pool) {
        JsonNode items = api.get("/v1/pools/" + pool + "/events?page_size=200").json().get("items");
        long n = 0;
        for (JsonNode e : items) {
            if (e.get("type").asText().equals("sync.failed")
                    && e.toString().contains("provider.not_configured")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void anotherAccountCanNeitherImportNorReachAPoolThatMirrorsThisAccountsPool() throws Exception {
        Api owner = server.newAccount();
        String pool = createPool(owner, "owned");
        List<String> numbers = vonageNumbers(2);
        add(owner, pool, numbers);
        awaitState(owner, pool, "in_sync");
        Api intruder = server.newAccount();
        vonage.resetRequests();
        for (String guess : List.of(vonageId(pool))) {
            Api.Response taken = intruder.post("/v1/pools/import", "{\"provider\":\"vonage\",\"provider_pool_id\":\""
                    + guess + "\",\"name\":\"stolen\",\"campaign_id\":\"CABC123\"}");
            assertEquals(404, taken.status(), guess + ": " + taken.body());
            assertEquals("provider_pool.not_found", taken.code());
        }
        assertEquals(0, intruder.get("/v1/pools").json().get("items").size(), "nothing was imported");
        assertEquals(List.of(), vonage.findAll(anyRequestedFor(urlPathEqualTo(POOLS + "/" + vonageId(pool)))),
                "the intruder's import never reached the owner's Vonage pool");
        assertEquals(digits(numbers), simulator.numbers.get(vonageId(pool)), "the owner's pool is untouched");
    }

    @Test
    void aProviderPoolIdThatIsNotVonagesShapeNeverReachesVonage() {
        Api api = server.newAccount();
        vonage.resetRequests();
        for (String id : List.of("../../../../v2/messages", "x?page=9", "a b", "pool%2F..", "", "x".repeat(101), "UPPER",
                "p/../../accounts")) {
            Api.Response r = api.post("/v1/pools/import", "{\"provider\":\"vonage\",\"provider_pool_id\":\""
                    + id + "\",\"name\":\"hostile\"}");
            assertEquals(400, r.status(), id + ": " + r.body());
            assertEquals("request.invalid", r.code());
        }
        Api.Response campaign = api.post("/v1/pools/import", "{\"provider\":\"vonage\",\"provider_pool_id\":"
                + "\"legacy\",\"name\":\"hostile\",\"campaign_id\":\"not a campaign!\"}");
        assertEquals(400, campaign.status(), campaign.body());
        assertEquals(List.of(), vonage.findAll(anyRequestedFor(anyUrl())), "no request left for Vonage");
    }

    @Test
    void whenTheAccountCannotDeletePoolsTheVonagePoolIsEmptiedInstead() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "undeletable");
        List<String> numbers = vonageNumbers(3);
        add(api, pool, numbers);
        awaitState(api, pool, "in_sync");
        vonage.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(POOLS + "/"
                + vonageId(pool))).atPriority(1).willReturn(aResponse().withStatus(405)));
        assertEquals(204, api.delete("/v1/pools/" + pool).status());
        SyncStatus.until(() -> simulator.numbers.get(vonageId(pool)).isEmpty(), 30);
        assertEquals(Set.of(), simulator.numbers.get(vonageId(pool)), "emptied, since it cannot be deleted");
        assertTrue(simulator.pools.containsKey(vonageId(pool)));
    }

    @Test
    void twoInstancesApplyEachOperationOnce() throws Exception {
        Api api = server.newAccount();
        try (TestServer second = server.secondInstance()) {
            Api other = second.api(api.key());
            Map<String, List<String>> pools = new LinkedHashMap<>();
            for (int i = 0; i < 4; i++) {
                String pool = createPool(api, "shared-" + i);
                List<String> numbers = vonageNumbers(60);
                add(api, pool, numbers.subList(0, 50));
                add(other, pool, numbers.subList(50, 60));
                pools.put(pool, numbers);
            }
            for (Map.Entry<String, List<String>> e : pools.entrySet()) {
                awaitState(api, e.getKey(), "in_sync");
                assertEquals(digits(e.getValue()), simulator.numbers.get(vonageId(e.getKey())));
                assertEquals(1, vonage.findAll(postRequestedFor(urlPathEqualTo(POOLS)).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing(vonageId(e.getKey())))).size(),
                        "created once");
                int added = 0;
                for (LoggedRequest r : adds(e.getKey())) {
                    added += JSON.readTree(r.getBodyAsString()).get("numbers").size();
                }
                assertEquals(60, added, "no number was added twice");
            }
        }
    }

    @Test
    void aPoolLeasedByAnInstanceThatDiedIsTakenOverAndConvergesWithoutRepeatingItsWork() throws Exception {
        Api api = server.newAccount();
        String pool = createPool(api, "orphaned");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (requestRows(pool) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // another instance leased the pool, created it at Vonage and added the first 50 numbers, then died
        List<String> numbers = vonageNumbers(120);
        sql("INSERT INTO sync_requests (pool_id, account_id, asked_at, due_at, lease_owner, lease_until)"
                + " SELECT id, account_id, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 'worker-that-died', UTC_TIMESTAMP(6) + INTERVAL 8 SECOND"
                + " FROM pools WHERE id = '" + pool + "'");
        simulator.pools.put(vonageId(pool), new LinkedHashMap<>(Map.of("fallback", "Pool",
                "localized_sender_preferred", false, "predictable_sender_preferred", false)));
        simulator.numbers.put(vonageId(pool), new java.util.LinkedHashSet<>(digits(numbers.subList(0, 50))));
        add(api, pool, numbers);
        Thread.sleep(1500);
        assertEquals(50, simulator.numbers.get(vonageId(pool)).size(), "nobody touches a leased pool");
        awaitState(api, pool, "in_sync");
        assertEquals(digits(numbers), simulator.numbers.get(vonageId(pool)));
        assertEquals(0, vonage.findAll(postRequestedFor(urlPathEqualTo(POOLS)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(vonageId(pool)))).size(),
                "the pool the dead instance created is not created again");
        int added = 0;
        for (LoggedRequest r : adds(pool)) {
            added += JSON.readTree(r.getBodyAsString()).get("numbers").size();
        }
        assertEquals(70, added, "only what the dead instance had not done");
    }

    private static int requestRows(String pool) {
        try (java.sql.Connection c = server.database();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM sync_requests WHERE pool_id = '" + pool + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The count of {@code poolkeeper_sync_calls} to Vonage for a call and outcome, 0 before the first. */
    private static double syncCalls(String call, String outcome) {
        String metrics = server.anonymous().get("/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("poolkeeper_sync_calls_seconds_count{"))
                .filter(l -> l.contains("call=\"" + call + "\"") && l.contains("outcome=\"" + outcome + "\"")
                        && l.contains("provider=\"vonage\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection c = server.database()) {
            c.createStatement().executeUpdate(statement);
        }
    }
}
