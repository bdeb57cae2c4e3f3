package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.vonage.VonagePoolsSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduled full reconcile, with a short interval: drift is found and repaired without anyone asking. */
class ScheduledReconcileTest {
    private static WireMockServer vonage;
    private static VonagePoolsSimulator simulator;
    private static TestServer server;

    @BeforeAll
    static void start() {
        simulator = new VonagePoolsSimulator("abcd1234", "vonage-secret");
        vonage = Simulations.start(simulator, "/v2/numberpools/.*");
        Map<String, Object> config = Simulations.quickSync();
        config.put("poolkeeper.providers.vonage.base-url", vonage.baseUrl());
        config.put("poolkeeper.providers.vonage.api-key", "abcd1234");
        config.put("poolkeeper.providers.vonage.api-secret", "vonage-secret");
        config.put("poolkeeper.sync.interval", "PT1S");
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        Simulations.stop(server, vonage);
    }

    @Test
    void aNumberRemovedAtVonageIsPutBackByTheScheduledReconcile() throws Exception {
        Api api = server.newAccount();
        String pool = api.post("/v1/pools", Api.pool("watched")).json().get("id").asText();
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                "{\"number\":\"+14159900001\",\"provider\":\"vonage\",\"campaign_id\":\"CABC123\"}",
                "{\"number\":\"+14159900002\",\"provider\":\"vonage\",\"campaign_id\":\"CABC123\"}")).status());
        SyncStatus.await(api, pool, "in_sync");
        String vonageId = pool.toLowerCase(java.util.Locale.ROOT);
        simulator.numbers.get(vonageId).remove("14159900002");

        SyncStatus.until(() -> simulator.numbers.get(vonageId).size() == 2, 30);
        assertEquals(Set.of("14159900001", "14159900002"), simulator.numbers.get(vonageId),
                "put back without a request to sync");
        List<String> types = new ArrayList<>();
        api.get("/v1/pools/" + pool + "/events?page_size=200").json().get("items")
                .forEach(e -> types.add(e.get("type").asText()));
        assertTrue(types.contains("sync.drift_detected"), types.toString());
    }
}
