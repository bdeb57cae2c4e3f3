package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends EndToEndTest {

    @Test
    void healthEndpointsAnswerWithoutAKey() {
        Api anonymous = server.anonymous();
        Api.Response liveness = anonymous.get("/health/liveness");
        assertEquals(200, liveness.status());
        assertEquals("UP", liveness.json().get("status").asText());
        Api.Response readiness = anonymous.get("/health/readiness");
        assertEquals(200, readiness.status());
        assertEquals("UP", readiness.json().get("status").asText());
    }

    @Test
    void metricsAreInPrometheusTextWithRequestTimingsAndPoolCounts() {
        Api api = server.newAccount();
        createPool(api, "counted");
        api.get("/v1/pools");
        String metrics = server.anonymous().get("/metrics").body();
        assertTrue(metrics.contains("http_server_requests_seconds_count{"), metrics);
        assertTrue(metrics.contains("uri=\"/v1/pools\""), "per-endpoint series");
        assertTrue(metrics.contains("poolkeeper_pools "), "the pool count gauge");
        assertTrue(metrics.contains("poolkeeper_pool_numbers "), "the number count gauge");
        for (String backlog : new String[] {"poolkeeper_pool_numbers_unhealthy ",
            "poolkeeper_messages_awaiting_reconciliation ", "poolkeeper_sync_requests_outstanding ",
            "poolkeeper_sync_parts{state=\"failed\"}", "poolkeeper_sync_parts{state=\"drifted\"}",
            "poolkeeper_sync_parts{state=\"pending\"}", "poolkeeper_sync_parts{state=\"in_sync\"}"}) {
            assertTrue(metrics.contains(backlog), "the backlog gauge " + backlog);
        }
    }

    @Test
    void theSelectionIndexesHeldAreGauged() {
        Api api = server.newAccount();
        String pool = createPool(api, "indexed");
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                "{\"number\":\"+14155550171\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"}",
                "{\"number\":\"+14155550172\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"}"));
        assertEquals(200, added.status(), added.body());
        assertEquals(200, api.post("/v1/pools/" + pool + "/sender-selections",
                "{\"to\":\"+12125550100\",\"dry_run\":true}").status());
        String metrics = server.anonymous().get("/metrics").body();
        assertTrue(gauge(metrics, "poolkeeper_selection_index_members") >= 2, metrics);
        assertTrue(gauge(metrics, "poolkeeper_selection_index_pools") >= 1, metrics);
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1).trim())).findFirst().orElse(-1);
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndTheDocsPageServesIt() {
        Api.Response document = server.anonymous().get("/openapi.yml");
        assertEquals(200, document.status());
        String yaml = document.body();
        assertTrue(yaml.startsWith("openapi: 3"), yaml.substring(0, 40));
        for (String path : new String[] {"/v1/pools:", "/v1/pools/{pool_id}:", "/v1/pools/{pool_id}/numbers:",
            "/v1/pools/{pool_id}/numbers/delete:", "/v1/pools/{pool_id}/numbers/{number}:",
            "/v1/pools/{pool_id}/events:", "/v1/api-keys:", "/v1/accounts:"}) {
            assertTrue(yaml.contains(path), "the document has " + path);
        }
        assertTrue(yaml.contains("sticky_ttl_days"), "schemas use the wire names");
        Api.Response docs = server.anonymous().get("/docs");
        assertEquals(303, docs.status());
        assertEquals(200, server.anonymous().get(docs.header("Location")).status());
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        Api api = server.newAccount();
        Api.Response notFound = api.get("/v1/nothing-here");
        assertEquals(404, notFound.status());
        assertEquals("route.not_found", notFound.code());
        Api.Response method = api.send("PUT", "/v1/pools", "{}");
        assertEquals(405, method.status());
        assertEquals("application/problem+json", method.header("Content-Type"));
    }
}
