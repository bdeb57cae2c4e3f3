package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in sandbox provider on a real server: sends are answered, receipts and replies come back
 * signed through the public webhook routes, pools are mirrored into the sandbox and imported from it.
 */
class SandboxProviderTest {
    private static TestServer server;
    private static int block;

    @BeforeAll
    static void start() {
        Map<String, Object> config = Simulations.sandbox();
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
        Api.assertServedAsDocumented();
    }

    /** A pool with {@code count} sandbox numbers, sticky off. */
    private static String pool(Api api, int count) {
        Api.Response created = api.post("/v1/pools", "{\"name\":\"sandbox-" + (++block) + "\"}");
        assertEquals(201, created.status(), created.body());
        String pool = created.json().get("id").asText();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append(String.format("{\"number\":\"+1415%03d%04d\",\"provider\":\"sandbox\","
                    + "\"campaign_id\":\"CSANDBOX\"}", 300 + block, 100 + i));
        }
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[" + items + "]}");
        assertEquals(200, added.status(), added.body());
        return pool;
    }

    private static JsonNode send(Api api, String pool, String to) {
        Api.Response r = api.sendMessage("{\"pool_id\":\"" + pool + "\",\"to\":\"" + to
                + "\",\"text\":\"hello\"}");
        assertEquals(202, r.status(), r.body());
        return r.json();
    }

    private static String awaitStatus(Api api, JsonNode message, String status) throws InterruptedException {
        String path = "/v1/messages/" + message.get("id").asText();
        SyncStatus.until(() -> status.equals(api.get(path).json().get("status").asText()), 20);
        return api.get(path).json().get("status").asText();
    }

    @Test
    void magicRecipientsGetTheirReceiptsThroughTheSignedWebhook() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api, 6);
        JsonNode delivered = send(api, pool, "+12125550100");
        assertEquals("sent", delivered.get("status").asText(), delivered.toString());
        assertTrue(delivered.get("provider_message_id").asText().startsWith("sbx-"));
        JsonNode rejected = send(api, pool, "+12125550001");
        JsonNode undelivered = send(api, pool, "+12125550002");
        JsonNode silent = send(api, pool, "+12125550003");
        assertEquals("delivered", awaitStatus(api, delivered, "delivered"));
        assertEquals("rejected", awaitStatus(api, rejected, "rejected"));
        assertEquals("undelivered", awaitStatus(api, undelivered, "undelivered"));
        Thread.sleep(500);
        assertEquals("sent", api.get("/v1/messages/" + silent.get("id").asText()).json().get("status").asText(),
                "a recipient whose receipt never comes stays sent");
    }

    @Test
    void aLostAnswerIsNeverResentAndTheLateReceiptReconcilesIt() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api, 2);
        JsonNode lost = send(api, pool, "+12125550004");
        assertEquals(1, lost.get("attempts").size(), lost.toString());
        assertEquals("unknown", lost.get("attempts").get(0).get("outcome").asText());
        assertTrue(lost.get("needs_reconciliation").asBoolean());
        assertEquals("delivered", awaitStatus(api, lost, "delivered"));
        JsonNode settled = api.get("/v1/messages/" + lost.get("id").asText()).json();
        assertEquals(1, settled.get("attempts").size(), "sent once, never again: " + settled);
        assertTrue(settled.get("provider_message_id").asText().startsWith("sbx-"));
    }

    @Test
    void aStopReplyOptsTheRecipientOutAndAFreeTextReplyChangesNothing() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api, 4);
        String stopper = "+12125550005";
        send(api, pool, stopper);
        String dryRun = "{\"to\":\"" + stopper + "\",\"dry_run\":true}";
        SyncStatus.until(() -> api.post("/v1/pools/" + pool + "/sender-selections", dryRun).status() == 422, 20);
        Api.Response refused = api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"" + stopper
                + "\",\"text\":\"again\"}");
        assertEquals("selection.opted_out", refused.code(), refused.body());
        JsonNode texted = send(api, pool, "+12125550007");
        assertEquals("delivered", awaitStatus(api, texted, "delivered"), "a free-text reply changes nothing");
        assertEquals(202, api.post("/v1/messages", "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550007\","
                + "\"text\":\"again\"}").status());
    }

    @Test
    void aHelpReplyIsAnsweredFromTheNumberItCameInOnAndAStopIsConfirmed() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api, 1);
        String ours = api.get("/v1/pools/" + pool + "/numbers").json().get("items").get(0).get("number").asText();
        Api.Response bad = api.send("PUT", "/v1/pools/" + pool + "/keywords", "{\"keywords\":[{\"keyword\":\"OPEN NOW\","
                + "\"reply\":\"x\"}]}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("keywords[0].keyword", bad.json().get("errors").get(0).get("field").asText());
        Api.Response put = api.send("PUT", "/v1/pools/" + pool + "/keywords", "{\"keywords\":[{\"keyword\":\"help\","
                + "\"reply\":\"Acme: help at acme.example\"},{\"keyword\":\"STOP\",\"reply\":\"Acme: no more"
                + " messages\"},{\"keyword\":\"AYUDA\",\"reply\":\"Acme: ayuda\",\"language\":\"es\"}]}");
        assertEquals(200, put.status(), put.body());
        assertEquals("HELP", api.get("/v1/pools/" + pool + "/keywords").json().get("keywords").get(0)
                .get("keyword").asText());

        String helper = "+12125550008";
        send(api, pool, helper);
        JsonNode reply = awaitReply(api, helper);
        assertEquals(List.of(ours, "keyword_reply"), List.of(reply.get("from").asText(), reply.get("reason").asText()));
        assertEquals("reply to HELP from the number it came in on", reply.get("trace").get(0).get("note").asText());
        assertEquals("delivered", awaitStatus(api, reply, "delivered"));
        JsonNode inbound = inboundEvent(api, helper);
        assertEquals("help", inbound.get("keyword").asText());
        assertEquals(reply.get("id").asText(), inbound.get("auto_reply_message_id").asText());

        String stopper = "+12125550005";
        send(api, pool, stopper);
        assertEquals("reply to STOP from the number it came in on",
                awaitReply(api, stopper).get("trace").get(0).get("note").asText(), "an opt-out is confirmed");
        Thread.sleep(1_000);
        assertEquals(2, api.get("/v1/messages?to=%2B12125550005").json().get("items").size(),
                "the confirmation starts no exchange");
    }

    /** The automatic reply sent to {@code to}, once it is there. */
    private static JsonNode awaitReply(Api api, String to) throws InterruptedException {
        String path = "/v1/messages?to=" + to.replace("+", "%2B");
        SyncStatus.until(() -> replyIn(api.get(path).json()) != null, 20);
        return replyIn(api.get(path).json());
    }

    private static JsonNode replyIn(JsonNode page) {
        for (JsonNode m : page.get("items")) {
            if ("keyword_reply".equals(m.get("reason").asText())) {
                return m;
            }
        }
        return null;
    }

    private static JsonNode inboundEvent(Api api, String from) {
        for (JsonNode e : api.get("/v1/events").json().get("items")) {
            if ("message.inbound".equals(e.get("type").asText())
                    && from.equals(e.get("data").get("message").get("from").asText())) {
                return e.get("data").get("message");
            }
        }
        throw new AssertionError("no message.inbound from " + from);
    }

    @Test
    void aForgedSandboxCallbackIs401() {
        String body = "{\"type\":\"receipt\",\"message_id\":\"sbx-x\",\"status\":\"delivered\"}";
        Api.Response unsigned = server.anonymous().raw("POST", "/v1/webhooks/sandbox/delivery-receipts",
                body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(401, unsigned.status(), unsigned.body());
        assertEquals("webhook.signature_invalid", unsigned.code());
        Api.Response forged = server.anonymous().raw("POST", "/v1/webhooks/sandbox/delivery-receipts",
                body.getBytes(StandardCharsets.UTF_8), "application/json", "Sandbox-Signature",
                "t=" + java.time.Instant.now().getEpochSecond() + ",v1=00ff");
        assertEquals(401, forged.status(), forged.body());
    }

    @Test
    void aPoolIsMirroredIntoTheSandboxAndTheDemoPoolCanBeImported() throws Exception {
        Api api = server.newAccount();
        String pool = pool(api, 3);
        JsonNode part = SyncStatus.await(api, pool, "in_sync");
        assertEquals("sandbox", part.get("provider").asText());
        assertEquals("sbx-" + pool.toLowerCase(java.util.Locale.ROOT), part.get("provider_pool_id").asText());
        assertEquals(0, api.post("/v1/pools/" + pool + "/sync/plan", "").json().get("providers").get(0)
                .get("operations").size(), "in sync: nothing to do");

        Api.Response imported = api.post("/v1/pools/import", "{\"provider\":\"sandbox\",\"provider_pool_id\":"
                + "\"sbx-demo\",\"name\":\"demo\",\"campaign_id\":\"CSANDBOX\"}");
        assertEquals(201, imported.status(), imported.body());
        String demo = imported.json().get("id").asText();
        assertEquals(3, api.get("/v1/pools/" + demo + "/numbers").json().get("items").size());
        Api.Response again = server.newAccount().post("/v1/pools/import", "{\"provider\":\"sandbox\","
                + "\"provider_pool_id\":\"sbx-demo\",\"name\":\"demo\",\"campaign_id\":\"CSANDBOX\"}");
        assertEquals(404, again.status(), "another account cannot adopt a mirrored pool: " + again.body());
    }
}
