package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.poolkeeper.adapters.providers.pinpoint.PinpointPoolsSimulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mirroring onto AWS Pinpoint SMS v2 through the real AWS SDK client, against a stateful simulation. */
class PinpointSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer aws;
    private static PinpointPoolsSimulator simulator;
    private static TestServer server;
    private static int block;

    @BeforeAll
    static void start() {
        simulator = new PinpointPoolsSimulator();
        aws = Simulations.start(simulator, "/");
        Map<String, Object> config = Simulations.quickSync();
        config.put("poolkeeper.providers.pinpoint.endpoint", aws.baseUrl());
        config.put("poolkeeper.providers.pinpoint.region", "us-east-1");
        config.put("poolkeeper.providers.pinpoint.access-key-id", "AKIDTESTING");
        config.put("poolkeeper.providers.pinpoint.secret-access-key", "pinpoint-secret");
        config.put("poolkeeper.providers.pinpoint.management-requests-per-second", 4);
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        Simulations.stop(server, aws);
    }

    /** Every call AWS received conforms to the operation's input in the AWS model (ids, tokens, lengths). */
    @org.junit.jupiter.api.AfterEach
    void requestsMatchTheAwsModel() {
        assertEquals(List.of(), SpecValidator.pinpoint().violations(aws.findAll(postRequestedFor(urlEqualTo("/")))));
    }

    @BeforeEach
    void simulatorOnly() {
        Simulations.serveAll(aws, simulator, "/");
    }

    private static List<String> numbers(int count) {
        int b = ++block;
        List<String> out = IntStream.range(0, count)
                .mapToObj(i -> String.format(Locale.ROOT, "+1917%03d%04d", 200 + b, i)).toList();
        out.forEach(simulator::own);
        return out;
    }

    private static String items(List<String> numbers) {
        return "{\"numbers\":[" + numbers.stream().map(n -> "{\"number\":\"" + n + "\",\"provider\":\"pinpoint\","
                + "\"campaign_id\":\"CABC123\"}").collect(Collectors.joining(",")) + "]}";
    }

    private static JsonNode awaitState(Api api, String pool, String state) throws InterruptedException {
        return SyncStatus.await(api, pool, state);
    }

    private static List<LoggedRequest> calls(String op) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("PinpointSMSVoiceV2." + op)));
    }

    @Test
    void thePoolIsCreatedWithItsFirstNumberAndTheOthersAreAssociatedOneByOne() throws Exception {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", "{\"name\":\"aws\",\"message_type\":\"promotional\"}").json()
                .get("id").asText();
        List<String> numbers = numbers(3);
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", items(numbers)).status());
        JsonNode part = awaitState(api, pool, "in_sync");
        String awsPool = part.get("provider_pool_id").asText();
        assertTrue(awsPool.startsWith("pool-"), awsPool);
        assertEquals(Set.copyOf(numbers), simulator.numbersOf(awsPool));
        JsonNode create = JSON.readTree(calls("CreatePool").get(0).getBodyAsString());
        assertEquals("PROMOTIONAL", create.get("MessageType").asText());
        assertEquals("US", create.get("IsoCountryCode").asText());
        assertEquals(pool, create.get("ClientToken").asText(), "a repeated create returns the same pool");
        assertTrue(create.get("OriginationIdentity").asText().startsWith("phone-"));
        List<LoggedRequest> associations = calls("AssociateOriginationIdentity");
        assertEquals(2, associations.size(), "one call per number after the first");
        assertEquals(0, simulator.notActiveRefusals.get(), "nothing was sent to the pool while it was CREATING");
        for (LoggedRequest a : associations) {
            String token = JSON.readTree(a.getBodyAsString()).get("ClientToken").asText();
            assertTrue(token.length() <= 64 && token.startsWith("associate-"), token);
        }
        assertTrue(calls("AssociateOriginationIdentity").get(0).getHeader("Authorization")
                .contains("/us-east-1/sms-voice/aws4_request"));

        List<LoggedRequest> all = new ArrayList<>(aws.findAll(postRequestedFor(urlEqualTo("/"))));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        // the limiter lets a call start every 250 ms (4 a second here); arrival times jitter with each
        // call's own latency, so the span is checked from the second call (the first warms the client up)
        assertTrue(all.size() >= 4, "number ids, create, associations: " + all.size());
        long span = all.get(all.size() - 1).getLoggedDate().getTime() - all.get(1).getLoggedDate().getTime();
        long least = (all.size() - 2) * 250L - 150;
        assertTrue(span >= least, all.size() + " calls spanned " + span + " ms, at 4 a second at least " + least);
    }

    @Test
    void swappingEveryNumberOfAPoolNeverTriggersLastPhoneNumber() throws Exception {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", Api.pool("swap")).json().get("id").asText();
        List<String> old = numbers(2);
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", items(old)).status());
        String awsPool = awaitState(api, pool, "in_sync").get("provider_pool_id").asText();
        List<String> fresh = numbers(2);
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", items(fresh)).status());
        String removal = "{\"numbers\":[" + old.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","))
                + "]}";
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers/delete", removal).status());
        SyncStatus.until(() -> Set.copyOf(fresh).equals(simulator.numbersOf(awsPool)), 30);
        awaitState(api, pool, "in_sync");
        assertEquals(Set.copyOf(fresh), simulator.numbersOf(awsPool));
        assertEquals(0, simulator.lastPhoneNumberRefusals.get(), "associate before disassociate");
        assertEquals(1, calls("CreatePool").size(), "the pool was kept, not recreated");
    }

    @Test
    void thePoolsOptOutListIsMirroredToAPinpointOptOutList() throws Exception {
        Api api = server.newAccount();
        assertEquals(201, api.post("/v1/opt-out-lists", "{\"name\":\"marketing\"}").status());
        api.send("PUT", "/v1/opt-out-lists/marketing/numbers/%2B12125550101", null);
        String pool = api.post("/v1/pools", "{\"name\":\"listed\",\"opt_out_list_name\":\"marketing\"}").json()
                .get("id").asText();
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", items(numbers(1))).status());
        String awsPool = awaitState(api, pool, "in_sync").get("provider_pool_id").asText();
        assertEquals("marketing", simulator.pools.get(awsPool).get("OptOutListName").asText());
        assertEquals(Set.of("+12125550101"), simulator.optOutLists.get("marketing"));

        api.send("PUT", "/v1/opt-out-lists/marketing/numbers/%2B12125550102", null);
        api.delete("/v1/opt-out-lists/marketing/numbers/%2B12125550101");
        // no request to sync: an opt-out change writes one for the pools mirroring the list
        SyncStatus.until(() -> Set.of("+12125550102").equals(simulator.optOutLists.get("marketing")), 30);
        assertEquals(Set.of("+12125550102"), simulator.optOutLists.get("marketing"));
    }

    @Test
    void throttlingIsRetriedAndAnEmptiedPartDeletesTheAwsPool() throws Exception {
        aws.stubFor(post(urlEqualTo("/")).atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .withHeader("X-Amz-Target", equalTo("PinpointSMSVoiceV2.AssociateOriginationIdentity"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.pinpointsmsvoicev2#ThrottlingException\","
                                + "\"Message\":\"Rate exceeded\"}")));
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", Api.pool("throttled")).json().get("id").asText();
        List<String> numbers = numbers(2);
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", items(numbers)).status());
        String awsPool = awaitState(api, pool, "in_sync").get("provider_pool_id").asText();
        assertEquals(Set.copyOf(numbers), simulator.numbersOf(awsPool));
        assertEquals(2, calls("AssociateOriginationIdentity").size(), "throttled once, then done");

        assertEquals(204, api.delete("/v1/pools/" + pool).status());
        SyncStatus.until(() -> !simulator.pools.containsKey(awsPool), 30);
        assertTrue(!simulator.pools.containsKey(awsPool), "the AWS pool is deleted with Poolkeeper's");
        assertEquals(0, calls("DisassociateOriginationIdentity").size(), "deleting releases the numbers");
    }
}
