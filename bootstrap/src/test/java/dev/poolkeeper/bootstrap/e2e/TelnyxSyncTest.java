package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.poolkeeper.adapters.providers.telnyx.TelnyxProfilesSimulator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mirroring onto Telnyx messaging profiles, against a stateful simulation of the Telnyx API v2. */
class TelnyxSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecValidator SPEC = SpecValidator.telnyx();
    private static WireMockServer telnyx;
    private static TelnyxProfilesSimulator simulator;
    private static TestServer server;
    private static int block;

    @BeforeAll
    static void start() {
        simulator = new TelnyxProfilesSimulator("telnyx-key");
        telnyx = Simulations.start(simulator, "/v2/.*");
        Map<String, Object> config = Simulations.quickSync();
        config.put("poolkeeper.providers.telnyx.base-url", telnyx.baseUrl());
        config.put("poolkeeper.providers.telnyx.api-key", "telnyx-key");
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        Simulations.stop(server, telnyx);
    }

    @BeforeEach
    void simulatorOnly() {
        Simulations.serveAll(telnyx, simulator, "/v2/.*");
    }

    @AfterEach
    void requestsMatchTheTelnyxSpec() {
        assertEquals(List.of(), SPEC.violations(telnyx.findAll(anyRequestedFor(anyUrl()))));
    }

    private static List<String> numbers(int count) {
        int b = ++block;
        return IntStream.range(0, count).mapToObj(i -> String.format(Locale.ROOT, "+1646%03d%04d", 200 + b, i))
                .toList();
    }

    private static String poolWith(Api api, String settings, List<String> numbers) {
        Api.Response created = api.post("/v1/pools", settings);
        assertEquals(201, created.status(), created.body());
        String pool = created.json().get("id").asText();
        String items = numbers.stream().map(n -> "{\"number\":\"" + n + "\",\"provider\":\"telnyx\","
                + "\"campaign_id\":\"CABC123\"}").collect(Collectors.joining(","));
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[" + items + "]}").status());
        return pool;
    }

    private static JsonNode awaitState(Api api, String pool, String state) throws InterruptedException {
        return SyncStatus.await(api, pool, state);
    }

    private static List<LoggedRequest> writes() {
        return telnyx.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().getName().equals("GET")).toList();
    }

    @Test
    void aPoolBecomesAProfileWithWholeNumberPoolSettingsAndItsNumbersAssigned() throws Exception {
        Api api = server.newAccount();
        List<String> numbers = numbers(3);
        String pool = poolWith(api, "{\"name\":\"t\",\"long_code_weight\":5,\"toll_free_weight\":1,"
                + "\"skip_unhealthy\":true,\"geomatch\":true}", numbers);
        JsonNode part = awaitState(api, pool, "in_sync");
        String profileId = part.get("provider_pool_id").asText();
        JsonNode profile = simulator.profiles.get(profileId);
        assertEquals(pool, profile.get("name").asText(), "the profile is named by the pool id");
        JsonNode settings = profile.get("number_pool_settings");
        assertEquals(5, settings.get("long_code_weight").asInt());
        assertEquals(1, settings.get("toll_free_weight").asInt());
        assertEquals(true, settings.get("skip_unhealthy").asBoolean());
        assertEquals(false, settings.get("sticky_sender").asBoolean());
        assertEquals(true, settings.get("geomatch").asBoolean());
        assertEquals(Set.copyOf(numbers), simulator.numbersOf(profileId));
        assertEquals(3, writes().stream().filter(r -> r.getUrl().startsWith("/v2/phone_numbers/")).count());

        telnyx.resetRequests();
        assertEquals(200, api.patch("/v1/pools/" + pool, "{\"sticky_sender\":true}").status());
        SyncStatus.until(() -> simulator.profiles.get(profileId).get("number_pool_settings").get("sticky_sender")
                .asBoolean() && !writes().isEmpty(), 30);
        List<LoggedRequest> patches = writes();
        assertEquals(1, patches.size(), "one PATCH of the profile");
        JsonNode sent = JSON.readTree(patches.get(0).getBodyAsString()).get("number_pool_settings");
        assertEquals(Set.of("long_code_weight", "toll_free_weight", "skip_unhealthy", "sticky_sender", "geomatch"),
                Set.copyOf(iterable(sent)), "number_pool_settings is always sent whole");
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void deletingThePoolReleasesTheNumbersTurnsPoolingOffAndDeletesTheProfile() throws Exception {
        Api api = server.newAccount();
        List<String> numbers = numbers(2);
        String pool = poolWith(api, "{\"name\":\"gone\"}", numbers);
        String profileId = awaitState(api, pool, "in_sync").get("provider_pool_id").asText();
        assertEquals(204, api.delete("/v1/pools/" + pool).status());
        SyncStatus.until(() -> !simulator.profiles.containsKey(profileId), 30);
        assertTrue(!simulator.profiles.containsKey(profileId), "the profile is deleted");
        assertEquals(Set.of(), simulator.numbersOf(profileId), "its numbers were released first");
        assertTrue(numbers.stream().allMatch(n -> "".equals(simulator.assignments.get(n))));
    }

    @Test
    void aNumberNotOnTheTelnyxAccountIsAFailedPartWithTelnyxsWords() throws Exception {
        Api api = server.newAccount();
        List<String> numbers = numbers(2);
        simulator.notOwned.add(numbers.get(1));
        String pool = poolWith(api, "{\"name\":\"unowned\"}", numbers);
        JsonNode part = awaitState(api, pool, "failed");
        assertTrue(part.get("last_error").asText().contains(numbers.get(1)), part.toString());
        assertTrue(part.get("last_error").asText().contains("Resource not found"), part.toString());
    }
}
