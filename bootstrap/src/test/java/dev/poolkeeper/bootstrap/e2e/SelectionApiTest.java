package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SelectionApiTest extends EndToEndTest {

    private static String tollFree(String number) {
        return "{\"number\":\"" + number + "\",\"provider\":\"vonage\",\"type\":\"toll_free\"}";
    }

    private static String poolWith(Api api, String settings, String... members) {
        Api.Response created = api.post("/v1/pools", settings);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(200, api.post("/v1/pools/" + id + "/numbers", Api.numbers(members)).status());
        return id;
    }

    private static Api.Response select(Api api, String pool, String to, boolean dryRun) {
        return api.post("/v1/pools/" + pool + "/sender-selections",
                "{\"to\":\"" + to + "\",\"dry_run\":" + dryRun + "}");
    }

    @Test
    void aSelectionNamesTheSenderItsProviderAndWhyWithATrace() {
        Api api = server.newAccount();
        String pool = poolWith(api, Api.pool("plain"), tollFree("+18005550100"), tollFree("+18885550100"));
        Api.Response r = select(api, pool, "+12125550100", true);
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertTrue(Set.of("+18005550100", "+18885550100").contains(body.get("from").asText()));
        assertEquals("vonage", body.get("provider").asText());
        assertEquals("toll_free", body.get("type").asText());
        assertEquals("weighted", body.get("reason").asText());
        List<String> steps = new ArrayList<>();
        body.get("trace").forEach(t -> steps.add(t.get("step").asText()));
        assertEquals(List.of("opt_out", "eligible", "weighted"), steps);
    }

    @Test
    void geomatchPicksTheSameAreaCodeAndRejectRefusesWithTheTrace() {
        Api api = server.newAccount();
        String pool = poolWith(api, "{\"name\":\"geo\",\"geomatch\":true,\"fallback\":\"reject\"}",
                Api.usLongCode("+12125550199"), Api.usLongCode("+14155550100"));
        Api.Response match = select(api, pool, "+12125550100", true);
        assertEquals("+12125550199", match.json().get("from").asText());
        assertEquals("geomatch_area_code", match.json().get("reason").asText());
        Api.Response canada = select(api, pool, "+16135550123", true);
        assertEquals(422, canada.status());
        assertEquals("selection.rejected", canada.code());
        assertTrue(canada.json().get("trace").size() >= 4, canada.body());
    }

    @Test
    void unservableRequestsAreRefusedWithTheirCodes() {
        Api api = server.newAccount();
        String empty = createPool(api, "empty");
        Api.Response r = select(api, empty, "+12125550100", true);
        assertEquals(422, r.status());
        assertEquals("selection.empty_pool", r.code());
        assertEquals("number.invalid", select(api, empty, "12", true).code());
        assertEquals(400, api.post("/v1/pools/" + empty + "/sender-selections", "{}").status());
        assertEquals(400, api.post("/v1/pools/" + empty + "/sender-selections", "{\"to\":null}").status());
        assertEquals(404, server.newAccount().post("/v1/pools/" + empty + "/sender-selections",
                "{\"to\":\"+12125550100\"}").status());
    }

    @Test
    void aDryRunRecordsNoStickyMappingWhileARealSelectionDoesAndItCanBePinnedAndReset() {
        Api api = server.newAccount();
        String pool = poolWith(api, "{\"name\":\"sticky\",\"sticky_sender\":true}",
                tollFree("+18005550100"), tollFree("+18885550100"), tollFree("+18775550100"));
        String mapping = "/v1/pools/" + pool + "/sticky-senders/%2B12125550100";
        select(api, pool, "+12125550100", true);
        assertEquals(404, api.get(mapping).status(), "dry_run records nothing");
        String first = select(api, pool, "+12125550100", false).json().get("from").asText();
        Api.Response stored = api.get(mapping);
        assertEquals(200, stored.status());
        assertEquals(first, stored.json().get("from").asText());
        for (int i = 0; i < 5; i++) {
            pause(60); // within the number's send budget (20/s, no bursts): sticky holds while it has budget
            Api.Response again = select(api, pool, "+12125550100", false);
            assertEquals(first, again.json().get("from").asText());
            assertEquals("sticky", again.json().get("reason").asText());
        }
        String other = first.equals("+18005550100") ? "+18885550100" : "+18005550100";
        Api.Response pinned = api.send("PUT", mapping, "{\"from\":\"" + other + "\"}");
        assertEquals(200, pinned.status(), pinned.body());
        assertEquals(other, select(api, pool, "+12125550100", false).json().get("from").asText());
        Api.Response notMember = api.send("PUT", mapping, "{\"from\":\"+14155550100\"}");
        assertEquals(422, notMember.status());
        assertEquals("sticky_sender.not_a_member", notMember.code());
        assertEquals(204, api.delete(mapping).status());
        assertEquals(404, api.get(mapping).status());
        assertEquals("sticky_sender.not_found", api.delete(mapping).code());
    }

    @Test
    void twoInstancesOnOneDatabaseGiveConcurrentFirstMessagesOneStickySender() throws Exception {
        Api api = server.newAccount();
        String[] members = new String[20];
        for (int i = 0; i < members.length; i++) {
            members[i] = tollFree(String.format("+1800555%04d", i));
        }
        String pool = poolWith(api, "{\"name\":\"two-nodes\",\"sticky_sender\":true}", members);
        try (TestServer second = server.secondInstance()) {
            Api other = second.api(api.key());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int r = 0; r < 10; r++) {
                    String to = String.format("+1212555%04d", r);
                    CyclicBarrier start = new CyclicBarrier(2);
                    Callable<String> onFirst = () -> {
                        start.await();
                        return select(api, pool, to, false).json().get("from").asText();
                    };
                    Callable<String> onSecond = () -> {
                        start.await();
                        return select(other, pool, to, false).json().get("from").asText();
                    };
                    Future<String> a = threads.submit(onFirst);
                    Future<String> b = threads.submit(onSecond);
                    Set<String> senders = new HashSet<>(List.of(a.get(), b.get()));
                    assertEquals(1, senders.size(), "recipient " + to + " got " + senders);
                    assertEquals(senders.iterator().next(), api.get("/v1/pools/" + pool
                            + "/sticky-senders/" + to.substring(1)).json().get("from").asText());
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
