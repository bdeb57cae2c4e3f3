package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthAndTenancyTest extends EndToEndTest {

    @Test
    void noKeyAndAnUnknownKeyAre401() {
        Api.Response none = server.anonymous().get("/v1/pools");
        assertEquals(401, none.status());
        assertEquals("auth.missing_key", none.code());
        Api.Response unknown = server.api("pk_this-key-does-not-exist").get("/v1/pools");
        assertEquals(401, unknown.status());
        assertEquals("auth.invalid_key", unknown.code());
    }

    @Test
    void theKeyWorksAsBearerToo() {
        Api api = server.newAccount();
        Api.Response r = server.anonymous().send("GET", "/v1/pools", null, "Authorization", "Bearer " + api.key());
        assertEquals(200, r.status());
    }

    @Test
    void aRevokedKeyIs401WithinTheAuthCacheTtlWhileTheAccountsOtherKeysWork() throws InterruptedException {
        Api first = server.newAccount();
        Api.Response created = first.post("/v1/api-keys", null);
        assertEquals(201, created.status());
        Api second = server.api(created.json().get("api_key").asText());
        assertEquals(200, second.get("/v1/pools").status());
        JsonNode keys = first.get("/v1/api-keys").json().get("items");
        assertEquals(2, keys.size());
        keys.forEach(k -> {
            assertFalse(k.has("api_key"), "a listed key never shows the key");
            assertTrue(first.key().startsWith(keys.get(0).get("prefix").asText()));
        });
        String secondId = created.json().get("id").asText();
        assertEquals(204, first.delete("/v1/api-keys/" + secondId).status());
        // an instance remembers an active key for poolkeeper.auth.cache-ttl (1 s by default)
        long deadline = System.nanoTime() + 10_000_000_000L;
        Api.Response revoked = second.get("/v1/pools");
        while (revoked.status() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            revoked = second.get("/v1/pools");
        }
        assertEquals(401, revoked.status());
        assertEquals("auth.invalid_key", revoked.code());
        assertEquals(200, first.get("/v1/pools").status());
        assertEquals(404, first.delete("/v1/api-keys/" + secondId).status());
    }

    @Test
    void onlyTheAdminKeyCreatesAccounts() {
        Api tenant = server.newAccount();
        Api.Response forbidden = tenant.post("/v1/accounts", "{\"name\":\"sneaky\"}");
        assertEquals(403, forbidden.status());
        assertEquals("auth.forbidden", forbidden.code());
        Api.Response admin = server.api(TestServer.ADMIN_KEY).post("/v1/accounts", "{\"name\":\"acme\"}");
        assertEquals(201, admin.status());
        assertTrue(admin.json().get("id").asText().startsWith("acct_"));
        assertEquals("acme", admin.json().get("name").asText());
        assertEquals(400, server.api(TestServer.ADMIN_KEY).post("/v1/accounts", "{}").status());
        Api.Response nullName = server.api(TestServer.ADMIN_KEY).post("/v1/accounts", "{\"name\":null}");
        assertEquals(400, nullName.status(), nullName.body());
        assertEquals("name", nullName.json().get("errors").get(0).get("field").asText());
        assertEquals(401, server.api(TestServer.ADMIN_KEY).get("/v1/pools").status(),
                "the admin key is not an account key");
    }

    @Test
    void anotherAccountsPoolIs404OnEveryVerb() {
        Api owner = server.newAccount();
        String pool = createPool(owner, "private");
        owner.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550100")));
        Api stranger = server.newAccount();
        String base = "/v1/pools/" + pool;
        List<Api.Response> answers = List.of(
                stranger.get(base),
                stranger.patch(base, "{\"geomatch\":true}"),
                stranger.delete(base),
                stranger.get(base + "/events"),
                stranger.get(base + "/numbers"),
                stranger.post(base + "/numbers", Api.numbers(Api.usLongCode("+14155550199"))),
                stranger.post(base + "/numbers/delete", "{\"numbers\":[\"+14155550100\"]}"),
                stranger.get(base + "/numbers/14155550100"),
                stranger.delete(base + "/numbers/14155550100"));
        for (Api.Response r : answers) {
            assertEquals(404, r.status(), r.body());
            assertEquals("pool.not_found", r.code());
        }
        assertEquals(0, stranger.get("/v1/pools").json().get("items").size());
        JsonNode unchanged = owner.get(base).json();
        assertEquals(1, unchanged.get("number_count").asInt());
        assertFalse(unchanged.get("geomatch").asBoolean());
        assertEquals(404, stranger.get("/v1/pools/pool_does_not_exist_at_all").status());
        assertEquals(404, stranger.get("/v1/pools/" + "x".repeat(300)).status());
    }

    @Test
    void theSixHundredAndFirstRequestInAMinuteIs429WithRetryAfter() throws InterruptedException {
        startOfAFreshMinuteWindow();
        Api api = server.newAccount();
        for (int i = 1; i <= 600; i++) {
            Api.Response r = api.get("/v1/api-keys");
            assertEquals(200, r.status(), "request " + i);
            assertEquals(String.valueOf(600 - i), r.header("RateLimit-Remaining"));
        }
        Api.Response limited = api.get("/v1/api-keys");
        assertEquals(429, limited.status());
        assertEquals("request.rate_limited", limited.code());
        assertNotNull(limited.header("Retry-After"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals("600", limited.header("RateLimit-Limit"));
        assertEquals(200, server.newAccount().get("/v1/api-keys").status(), "limits are per key");
    }

    /** Windows are wall-clock minutes: start the burst early in one, so 601 requests fall into it. */
    private static void startOfAFreshMinuteWindow() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 30_000) {
            Thread.sleep(60_000 - intoMinute + 50);
        }
    }

    @Test
    void everyAuthenticatedResponseCarriesTheRateLimitHeaders() {
        Api api = server.newAccount();
        for (Api.Response r : List.of(api.get("/v1/pools"), api.get("/v1/pools/pool_nope"),
                api.post("/v1/pools", "{\"name\":"))) {
            assertEquals("600", r.header("RateLimit-Limit"), r.body());
            assertNotNull(r.header("RateLimit-Remaining"));
            assertNotNull(r.header("RateLimit-Reset"));
        }
    }
}
