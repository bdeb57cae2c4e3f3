package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message queue on a real server, sending through the built-in sandbox: accepting never waits for a
 * provider, batches answer per item, scheduled messages wait for their time, high priority overtakes bulk
 * traffic, a full queue answers 429 with Retry-After, and messages are listed newest first with filters.
 */
class QueuedMessagesTest {
    /** One message a second. */
    private static final String PACED = "+14155557001";
    /** One message every 20 seconds: what is queued behind the first one waits. */
    private static final String SLOW = "+14155557002";
    private static TestServer server;
    private static int block;

    @BeforeAll
    static void start() {
        Map<String, Object> config = Simulations.sandbox();
        config.put("poolkeeper.send-budget.long-code", 100);
        config.put("poolkeeper.send-budget.numbers", PACED + "=1," + SLOW + "=0.05");
        config.put("poolkeeper.queue.max-per-pool", 4);
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
        Api.assertServedAsDocumented();
    }

    private static String pool(Api api, String... numbers) {
        Api.Response created = api.post("/v1/pools", "{\"name\":\"queue-" + (++block) + "\"}");
        assertEquals(201, created.status(), created.body());
        String pool = created.json().get("id").asText();
        List<String> items = new ArrayList<>();
        for (String n : numbers) {
            items.add("{\"number\":\"" + n + "\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"}");
        }
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(items.toArray(String[]::new)));
        assertEquals(200, added.status(), added.body());
        return pool;
    }

    private static String message(String pool, String to, String extra) {
        return "{\"pool_id\":\"" + pool + "\",\"to\":\"" + to + "\",\"text\":\"hello\"" + extra + "}";
    }

    private static Instant sentAt(JsonNode message) {
        for (JsonNode t : message.get("transitions")) {
            if (t.get("status").asText().equals("sent")) {
                return Instant.parse(t.get("at").asText());
            }
        }
        throw new AssertionError("never sent: " + message);
    }

    @Test
    void aBatchIsAcceptedItemByItemAndEachAcceptedMessageIsSent() {
        Api api = server.newAccount();
        String pool = pool(api, "+14155557101");
        Api.Response batch = api.post("/v1/messages/batch", "{\"messages\":[" + message(pool, "+12125550100",
                ",\"client_reference\":\"order-1\"") + "," + message(pool, "12", "") + ","
                + "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550101\",\"txt\":\"typo\"}]}");
        assertEquals(207, batch.status(), batch.body());
        JsonNode results = batch.json().get("results");
        assertEquals(202, results.get(0).get("status").asInt());
        assertEquals("order-1", results.get(0).get("message").get("client_reference").asText());
        assertEquals(400, results.get(1).get("status").asInt());
        assertEquals("number.invalid", results.get(1).get("problem").get("code").asText());
        assertEquals(400, results.get(2).get("status").asInt());
        assertEquals("txt", results.get(2).get("problem").get("errors").get(0).get("field").asText());
        JsonNode sent = api.awaitMessage(results.get(0).get("message").get("id").asText());
        assertEquals("sent", sent.get("status").asText(), sent.toString());
        assertEquals(List.of("queued", "sending", "sent"), statuses(sent));

        StringBuilder tooMany = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append(message(pool, "+12125550100", ""));
        }
        assertEquals("messages.limit_exceeded", api.post("/v1/messages/batch", tooMany + "]}").code());
        Api.Response allGood = api.post("/v1/messages/batch", "{\"messages\":[" + message(pool, "+12125550102", "")
                + "]}");
        assertEquals(202, allGood.status(), allGood.body());
    }

    @Test
    void aBatchItemsOwnIdempotencyKeyLeadsBackToItsMessageAcrossBatches() {
        Api api = server.newAccount();
        String pool = pool(api, "+14155557103");
        Api.Response first = api.post("/v1/messages/batch", "{\"messages\":["
                + message(pool, "+12125550110", ",\"idempotency_key\":\"order-7-a\"") + ","
                + message(pool, "+12125550111", ",\"idempotency_key\":\"order-7-b\"") + ","
                + message(pool, "+12125550112", "") + "]}");
        assertEquals(202, first.status(), first.body());
        String a = first.json().get("results").get(0).get("message").get("id").asText();

        // a retry of part of it, without a batch Idempotency-Key: each keyed item is answered on its own
        Api.Response retry = api.post("/v1/messages/batch", "{\"messages\":["
                + message(pool, "+12125550110", ",\"idempotency_key\":\"order-7-a\"") + ","
                + "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550111\",\"text\":\"changed\","
                + "\"idempotency_key\":\"order-7-b\"}" + ","
                + message(pool, "+12125550113", ",\"idempotency_key\":\"order-7-c\"") + ","
                + message(pool, "+12125550114", ",\"idempotency_key\":\"\"") + "]}");
        assertEquals(207, retry.status(), retry.body());
        JsonNode results = retry.json().get("results");
        assertEquals(202, results.get(0).get("status").asInt());
        assertEquals(a, results.get(0).get("message").get("id").asText(), "the message stored the first time");
        assertEquals("idempotency.key_reused", results.get(1).get("problem").get("code").asText());
        assertEquals(202, results.get(2).get("status").asInt());
        assertEquals(400, results.get(3).get("status").asInt());
        assertEquals("idempotency_key", results.get(3).get("problem").get("errors").get(0).get("field").asText());

        Api.Response single = api.sendMessage(message(pool, "+12125550110", ""), "Idempotency-Key", "order-7-a");
        assertEquals(a, single.json().get("id").asText(), "one key space for a batch item and a single message");
        assertEquals(4, api.get("/v1/messages?pool_id=" + pool).json().get("items").size(),
                "three from the first batch, one new from the retry");
        assertEquals("idempotency_key", api.post("/v1/messages", message(pool, "+12125550110",
                ",\"idempotency_key\":\"order-7-a\"")).json().get("errors").get(0).get("field").asText(),
                "a single message takes its key in the header");
    }

    private static List<String> statuses(JsonNode message) {
        List<String> statuses = new ArrayList<>();
        message.get("transitions").forEach(t -> statuses.add(t.get("status").asText()));
        return statuses;
    }

    @Test
    void aScheduledMessageWaitsForItsTimeAndAWaitingOneCanBeCanceled() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api, "+14155557102");
        Instant soon = Instant.now().plusSeconds(2);
        Api.Response scheduled = api.post("/v1/messages", message(pool, "+12125550100",
                ",\"send_at\":\"" + soon + "\",\"validity_period\":600"));
        assertEquals(202, scheduled.status(), scheduled.body());
        assertEquals("scheduled", scheduled.json().get("status").asText());
        assertEquals(soon.plusSeconds(600).toString(), Instant.parse(scheduled.json().get("expires_at").asText())
                .toString(), "the validity runs from send_at");
        Api.Response later = api.post("/v1/messages", message(pool, "+12125550101",
                ",\"send_at\":\"" + Instant.now().plusSeconds(3600) + "\""));
        JsonNode sent = api.awaitMessage(scheduled.json().get("id").asText());
        SyncStatus.until(() -> api.get("/v1/messages/" + scheduled.json().get("id").asText()).json().get("status")
                .asText().equals("sent") || api.get("/v1/messages/" + scheduled.json().get("id").asText()).json()
                .get("status").asText().equals("delivered"), 20);
        sent = api.get("/v1/messages/" + scheduled.json().get("id").asText()).json();
        assertFalse(sentAt(sent).isBefore(soon), "not sent before send_at: " + sent);
        assertEquals("scheduled", statuses(sent).get(0));

        String laterId = later.json().get("id").asText();
        assertEquals("scheduled", api.get("/v1/messages/" + laterId).json().get("status").asText());
        Api.Response canceled = api.delete("/v1/messages/" + laterId);
        assertEquals(200, canceled.status(), canceled.body());
        assertEquals(List.of("scheduled", "canceled"), statuses(canceled.json()));
        assertEquals(409, api.delete("/v1/messages/" + laterId).status());
        assertEquals("message.not_found", server.newAccount().delete("/v1/messages/" + laterId).code(),
                "another account cannot touch it");
        assertEquals("send_at", api.post("/v1/messages", message(pool, "+12125550100",
                ",\"send_at\":\"yesterday\"")).json().get("errors").get(0).get("field").asText());
        assertEquals("validity_period", api.post("/v1/messages", message(pool, "+12125550100",
                ",\"validity_period\":5")).json().get("errors").get(0).get("field").asText());
        assertEquals("status_callback", api.post("/v1/messages", message(pool, "+12125550100",
                ",\"status_callback\":\"not a url\"")).json().get("errors").get(0).get("field").asText());
    }

    @Test
    void aHighPriorityMessageOvertakesBulkTrafficOfThePool() {
        Api api = server.newAccount();
        String pool = pool(api, PACED);
        List<String> bulk = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bulk.add(api.post("/v1/messages", message(pool, "+1212555020" + i, "")).json().get("id").asText());
        }
        String code = api.post("/v1/messages", message(pool, "+12125550299", ",\"priority\":\"high\""))
                .json().get("id").asText();
        JsonNode high = api.awaitMessage(code);
        assertEquals("high", high.get("priority").asText());
        JsonNode lastBulk = api.awaitMessage(bulk.get(2));
        assertTrue(sentAt(high).isBefore(sentAt(lastBulk)), "the code went out before the bulk queued ahead of it: "
                + sentAt(high) + " vs " + sentAt(lastBulk));
    }

    @Test
    void aFullQueueIs429WithRetryAfterFromThePoolsRateAndStoresNothing() throws InterruptedException {
        Api api = server.newAccount();
        String pool = pool(api, SLOW);
        String first = api.post("/v1/messages", message(pool, "+12125550300", "")).json().get("id").asText();
        assertEquals("sent", api.awaitMessage(first).get("status").asText(), "the number's one message of 20 s");
        Thread.sleep(1_100); // the bound's count is at most a second old
        for (int i = 1; i < 5; i++) { // these four wait
            assertEquals(202, api.post("/v1/messages", message(pool, "+1212555030" + i, "")).status());
        }
        SyncStatus.until(() -> api.get("/v1/messages?pool_id=" + pool + "&status=queued").json().get("items")
                .size() == 4, 10);
        Api.Response full = api.post("/v1/messages", message(pool, "+12125550399", ""));
        assertEquals(429, full.status(), full.body());
        assertEquals("queue.full", full.code());
        assertNotNull(full.header("Retry-After"));
        assertTrue(Integer.parseInt(full.header("Retry-After")) >= 20, "one slot at one message per 20 s: "
                + full.header("Retry-After"));
        assertEquals(5, api.get("/v1/messages?pool_id=" + pool).json().get("items").size(), "nothing stored");
    }

    @Test
    void messagesAreListedNewestFirstPagedAndFilteredWithinTheAccount() {
        Api api = server.newAccount();
        String pool = pool(api, "+14155557103");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post("/v1/messages", message(pool, "+1212555040" + i, ",\"client_reference\":\"ref-" + i
                    + "\"")).json().get("id").asText());
        }
        Api.Response first = api.get("/v1/messages?page_size=2");
        assertEquals(List.of(ids.get(2), ids.get(1)), ids(first.json()));
        Api.Response second = api.get("/v1/messages?page_size=2&page_token="
                + first.json().get("next_page_token").asText());
        assertEquals(List.of(ids.get(0)), ids(second.json()));
        assertEquals(List.of(ids.get(1)), ids(api.get("/v1/messages?client_reference=ref-1&pool_id=" + pool
                + "&to=%2B12125550401&provider=sandbox&from=%2B14155557103&since=2020-01-01T00:00:00Z").json()));
        assertEquals(List.of(), ids(server.newAccount().get("/v1/messages").json()), "another account's are not shown");
        assertEquals("request.invalid", api.get("/v1/messages?status=lost").code());
        assertEquals("request.invalid", api.get("/v1/messages?since=monday").code());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }
}
