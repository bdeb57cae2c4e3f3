package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator console over plain HTTP, as a browser's requests reach it: sign-in and its cookie, the pages
 * with the account's own data only, the Origin and CSRF checks, the security headers, the session ending
 * with sign-out and with its key. (ConsoleBrowserTest drives the same pages in a real browser.)
 */
class ConsoleTest {
    private static final Pattern CSRF = Pattern.compile("\"X-CSRF-Token\": \"([0-9a-f]{64})\"");
    private static TestServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        Map<String, Object> config = Simulations.sandbox();
        // every test signs in from loopback: the per-address limit is tested on an instance of its own
        config.put("poolkeeper.console.sign-in-attempts-per-minute", 1000);
        // an event endpoint on a closed loopback port keeps deliveries waiting for the operations page
        config.put("poolkeeper.events.allow-loopback", "true");
        server = TestServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String origin() {
        return "http://" + server.uri().getAuthority();
    }

    private HttpResponse<String> send(String method, String path, String form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String cookie) {
        return cookie == null ? send("GET", path, null) : send("GET", path, null, "Cookie", cookie);
    }

    private HttpResponse<String> signIn(String key) {
        return send("POST", "/console/sign-in", "api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                "Origin", origin());
    }

    /** The session cookie ({@code name=value}) of a successful sign-in. */
    private String session(String key) {
        HttpResponse<String> r = signIn(key);
        assertEquals(303, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "the page carries its CSRF token for htmx");
        return m.group(1);
    }

    private static String pool(Api api, String name, String... numbers) {
        Api.Response created = api.post("/v1/pools", "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        StringBuilder items = new StringBuilder();
        for (String n : numbers) {
            items.append(items.length() == 0 ? "" : ",").append("{\"number\":\"").append(n)
                    .append("\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"}");
        }
        if (numbers.length > 0) {
            Api.Response added = api.post("/v1/pools/" + id + "/numbers", "{\"numbers\":[" + items + "]}");
            assertEquals(200, added.status(), added.body());
        }
        return id;
    }

    @Test
    void aSignedInOperatorSeesTheAccountsPoolsAndNothingOfAnothers() {
        Api api = server.newAccount();
        String mine = pool(api, "console-alpha", "+14155550180", "+14155550181");
        String theirs = pool(server.newAccount(), "other-beta");

        HttpResponse<String> anonymous = get("/console/pools", null);
        assertEquals(303, anonymous.statusCode());
        assertEquals("/console/sign-in", anonymous.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = get("/console/sign-in", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"api_key\">API key</label>"), page.body());
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src"
                + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> wrong = signIn("pk_thisIsNotAKeyOfAnyAccount000");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("unknown or revoked"), wrong.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> ok = signIn(api.key());
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/console/pools", ok.headers().firstValue("Location").orElseThrow());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("poolkeeper_console="), setCookie);
        for (String attribute : List.of("path=/console", "httponly", "samesite=strict", "max-age=")) {
            assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains(attribute), attribute + " in " + setCookie);
        }
        assertFalse(setCookie.contains("Secure"), "plain http on loopback: not Secure, " + setCookie);
        assertFalse(setCookie.contains(api.key()), "the key never reaches the browser");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> pools = get("/console/pools", cookie);
        assertEquals(200, pools.statusCode(), pools.body());
        assertTrue(pools.body().contains("console-alpha"), pools.body());
        assertTrue(pools.body().contains("<td>its own</td>"), "the pool's own opt-out list: " + pools.body());
        assertFalse(pools.body().contains("other-beta"), "another account's pool is not listed");
        assertFalse(pools.body().contains(api.key()));
        assertTrue(get("/console/pools?name=nothing-like-it", cookie).body().contains("No pools named"));
        assertTrue(get("/console/pools?provider=vonage", cookie).body().contains("No pools with numbers at vonage."));
        assertTrue(get("/console/pools?provider=sandbox&message_type=transactional", cookie).body()
                .contains("console-alpha"), "filtered as the API filters");

        HttpResponse<String> one = get("/console/pools/" + mine, cookie);
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("+14155550180") && one.body().contains("+14155550181"), one.body());
        assertTrue(one.body().contains("<dt>Sticky sender</dt>"), one.body());
        assertEquals(404, get("/console/pools/" + theirs, cookie).statusCode(), "another account's pool");
        assertEquals(404, get("/console/pools/not-a-pool-id", cookie).statusCode());

        assertEquals(200, get("/console/static/htmx/htmx.min.js", null).statusCode(), "htmx is served from the jar");
        assertEquals(200, get("/console/static/console.css", null).statusCode());
    }

    private HttpResponse<String> action(String cookie, String path, String form) {
        String token = csrf(get("/console/pools", cookie).body());
        return send("POST", path, form, "Cookie", cookie, "Origin", origin(), "X-CSRF-Token", token, "HX-Request",
                "true");
    }

    @Test
    void aPastedListIsAddedWithAResultPerNumber() {
        Api api = server.newAccount();
        String id = pool(api, "pasted");
        String cookie = session(api.key());
        StringBuilder pasted = new StringBuilder("not-a-number\n");
        for (int i = 0; i < 60; i++) {
            pasted.append(String.format("+1415555%04d%n", 3000 + i));
        }
        HttpResponse<String> added = action(cookie, "/console/pools/" + id + "/numbers", "provider=sandbox"
                + "&campaign_id=CSANDBOX&numbers=" + URLEncoder.encode(pasted.toString(), StandardCharsets.UTF_8));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("60 of 61 in the pool; 1 refused"), added.body());
        assertTrue(added.body().contains("<tr class=\"refused\"><th scope=\"row\">not-a-number</th>"), added.body());
        assertEquals(60, api.get("/v1/pools/" + id).json().get("number_count").asInt(), "two calls of 50 and 10");

        HttpResponse<String> noProvider = action(cookie, "/console/pools/" + id + "/numbers",
                "provider=numpool&numbers=%2B14155553999");
        assertTrue(noProvider.body().contains("Choose the numbers' provider."), noProvider.body());
        HttpResponse<String> theirs = action(session(server.newAccount().key()), "/console/pools/" + id + "/numbers",
                "provider=sandbox&numbers=%2B14155553998");
        assertTrue(theirs.body().contains("role=\"alert\""), "another account's pool: " + theirs.body());
        assertEquals(60, api.get("/v1/pools/" + id).json().get("number_count").asInt(), "nothing added to it");
    }

    @Test
    void theDryRunShowsTheDecisionAndItsTraceAndRecordsNothing() {
        Api api = server.newAccount();
        String id = pool(api, "dry", "+14155550190");
        String cookie = session(api.key());
        HttpResponse<String> decided = action(cookie, "/console/pools/" + id + "/dry-run", "to=%2B12125550100");
        assertEquals(200, decided.statusCode(), decided.body());
        assertTrue(decided.body().contains("+12125550100: from +14155550190 (long_code, sandbox), because:"),
                decided.body());
        assertTrue(decided.body().contains("<table class=\"list\" id=\"trace\">"), decided.body());
        assertEquals(404, api.get("/v1/pools/" + id + "/sticky-senders/+12125550100").status(), "a dry run");
        HttpResponse<String> bad = action(cookie, "/console/pools/" + id + "/dry-run", "to=nobody");
        assertTrue(bad.body().contains("class=\"error\""), bad.body());
    }

    @Test
    void settingsAreSavedAgainstTheVersionTheyWereReadAtAndAConflictOverwritesNothing() {
        Api api = server.newAccount();
        String id = pool(api, "versioned");
        String cookie = session(api.key());
        String form = "fallback=reject&sticky_sender=true&sticky_ttl_days=45&long_code_weight=2&toll_free_weight=3"
                + "&skip_unhealthy=true&version=";
        HttpResponse<String> saved = action(cookie, "/console/pools/" + id + "/settings", form + "1");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Saved: the pool is at version 2."), saved.body());
        assertEquals(List.of("reject", "true", "45", "false", "true"), List.of(api.get("/v1/pools/" + id).json()
                .get("fallback").asText(), api.get("/v1/pools/" + id).json().get("sticky_sender").asText(),
                api.get("/v1/pools/" + id).json().get("sticky_ttl_days").asText(),
                api.get("/v1/pools/" + id).json().get("geomatch").asText(),
                api.get("/v1/pools/" + id).json().get("skip_unhealthy").asText()));

        HttpResponse<String> stale = action(cookie, "/console/pools/" + id + "/settings",
                form.replace("sticky_ttl_days=45", "sticky_ttl_days=90") + "1");
        assertTrue(stale.body().contains("Someone changed this pool while you edited it (it is at version 2 now):"
                + " nothing was saved."), stale.body());
        assertTrue(stale.body().contains("name=\"version\" value=\"2\""), "the form now edits version 2");
        assertEquals(45, api.get("/v1/pools/" + id).json().get("sticky_ttl_days").asInt(), "nothing overwritten");

        HttpResponse<String> invalid = action(cookie, "/console/pools/" + id + "/settings",
                form.replace("sticky_ttl_days=45", "sticky_ttl_days=9999") + "2");
        assertTrue(invalid.body().contains("Nothing was saved: sticky_ttl_days must be 1-730"), invalid.body());
    }

    @Test
    void theSyncPageShowsEachPartAndAPlanForTheAccountsOwnPoolsOnly() throws InterruptedException {
        Api api = server.newAccount();
        String id = pool(api, "mirror-me", "+14155550195");
        String cookie = session(api.key());
        SyncStatus.until(() -> get("/console/pools/" + id + "/sync", cookie).body().contains("in_sync"), 20);
        HttpResponse<String> page = get("/console/pools/" + id + "/sync", cookie);
        assertTrue(page.body().contains("<th scope=\"row\">sandbox</th>"), page.body());
        HttpResponse<String> plan = get("/console/pools/" + id + "/sync/plan", cookie);
        assertTrue(plan.body().contains("In sync: nothing to do."), plan.body());
        HttpResponse<String> requested = action(cookie, "/console/pools/" + id + "/sync", "");
        assertTrue(requested.body().contains("Sync requested"), requested.body());

        String stranger = session(server.newAccount().key());
        assertEquals(404, get("/console/pools/" + id + "/sync", stranger).statusCode());
        assertEquals(404, get("/console/pools/" + id + "/sync/plan", stranger).statusCode());
        assertEquals(404, action(stranger, "/console/pools/" + id + "/sync", "").statusCode());
    }

    @Test
    void messagesAreFoundByRecipientStatusAndDayAndOneShowsItsTimeline() throws InterruptedException {
        Api api = server.newAccount();
        String id = pool(api, "talkative", "+14155550196");
        Api.Response sent = api.sendMessage("{\"pool_id\":\"" + id + "\",\"to\":\"+12125550123\",\"text\":\"hi\"}");
        String message = sent.json().get("id").asText();
        SyncStatus.until(() -> "delivered".equals(api.get("/v1/messages/" + message).json().get("status").asText()), 20);
        String cookie = session(api.key());

        HttpResponse<String> found = get("/console/messages?to=%2B12125550123&status=delivered&day="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC), cookie);
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("/console/messages/" + message), found.body());
        assertTrue(get("/console/messages?status=failed", cookie).body().contains("No messages match."));
        assertTrue(get("/console/messages?day=yesterday", cookie).body().contains("The day is not a date"));

        HttpResponse<String> one = get("/console/messages/" + message, cookie);
        assertEquals(200, one.statusCode(), one.body());
        for (String step : List.of("<strong>queued</strong>", "<strong>attempt from +14155550196 at sandbox</strong>"
                + " — accepted", "<strong>sent</strong>", "<strong>delivered</strong>")) {
            assertTrue(one.body().contains(step), step + " in " + one.body());
        }
        assertTrue(one.body().contains("<table class=\"list\" id=\"trace\">"));
        String stranger = session(server.newAccount().key());
        assertEquals(404, get("/console/messages/" + message, stranger).statusCode());
        assertFalse(get("/console/messages", stranger).body().contains(message), "another account's messages");
    }

    @Test
    void aKeyIsShownOnceWhenCreatedAndRevokingItRefusesIt() {
        Api api = server.newAccount();
        String cookie = session(api.key());
        HttpResponse<String> created = action(cookie, "/console/keys", "");
        assertEquals(200, created.statusCode(), created.body());
        Matcher key = Pattern.compile("<code id=\"new-key\">(pk_[A-Za-z0-9]+)</code>").matcher(created.body());
        assertTrue(key.find(), created.body());
        Api second = server.api(key.group(1));
        assertEquals(200, second.get("/v1/pools").status(), "the new key works");
        HttpResponse<String> listed = get("/console/keys", cookie);
        assertFalse(listed.body().contains(key.group(1)), "listed by prefix only");
        assertFalse(listed.body().contains(api.key()));
        assertTrue(listed.body().contains("(this session's key)"));

        String id = second.get("/v1/api-keys").json().get("items").get(1).get("id").asText();
        HttpResponse<String> revoked = action(cookie, "/console/keys/" + id + "/revoke", "");
        assertTrue(revoked.body().contains("Revoked " + id), revoked.body());
        assertEquals(401, second.get("/v1/pools").status(), "the revoked key is refused");
        assertTrue(action(cookie, "/console/keys/key_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB/revoke", "").body()
                .contains("Nothing was revoked"));

        String own = api.get("/v1/api-keys").json().get("items").get(0).get("id").asText();
        HttpResponse<String> self = action(cookie, "/console/keys/" + own + "/revoke", "");
        assertEquals("/console/sign-in", self.headers().firstValue("HX-Redirect").orElseThrow(), self.body());
        assertEquals(303, get("/console/keys", cookie).statusCode(), "revoking the session's own key ends it");
    }

    @Test
    void anOperatorOptsANumberOutOfAPoolsListAndBackIn() {
        Api api = server.newAccount();
        String id = pool(api, "careful", "+14155550197");
        String cookie = session(api.key());
        HttpResponse<String> open = get("/console/opt-outs?list=" + id, cookie);
        assertEquals(303, open.statusCode());
        assertEquals("/console/opt-outs/" + id, open.headers().firstValue("Location").orElseThrow());
        assertTrue(get("/console/opt-outs/" + id, cookie).body().contains("No number is on this list."));

        HttpResponse<String> out = action(cookie, "/console/opt-outs/" + id + "/numbers", "action=out&number=%2B12125550177");
        assertTrue(out.body().contains("+12125550177 is opted out"), out.body());
        Api.Response refused = api.post("/v1/messages", "{\"pool_id\":\"" + id + "\",\"to\":\"+12125550177\","
                + "\"text\":\"hi\"}");
        assertEquals("selection.opted_out", refused.code(), refused.body());
        assertTrue(get("/console/opt-outs/" + id + "/lookup?number=%2B12125550177", cookie).body()
                .contains("+12125550177 is on this list"));
        assertTrue(get("/console/opt-outs/" + id + "/lookup?number=%2B12125550178", cookie).body()
                .contains("+12125550178 is not on this list."));
        HttpResponse<String> in = action(cookie, "/console/opt-outs/" + id + "/numbers", "action=in&number=%2B12125550177");
        assertTrue(in.body().contains("+12125550177 is opted back in."), in.body());
        assertTrue(action(cookie, "/console/opt-outs/" + id + "/numbers", "action=out&number=nobody").body()
                .contains("Nothing changed:"));

        String stranger = session(server.newAccount().key());
        assertEquals(404, get("/console/opt-outs/" + id, stranger).statusCode(), "another account's pool list");
    }

    @Test
    void aRecipientsStickySenderIsLookedUpPinnedAndReset() {
        Api api = server.newAccount();
        String id = pool(api, "sticky", "+14155550198", "+14155550199");
        api.patch("/v1/pools/" + id, "{\"sticky_sender\":true}");
        String cookie = session(api.key());
        String path = "/console/pools/" + id + "/sticky";
        assertTrue(action(cookie, path, "to=%2B12125550144").body().contains("No sticky sender for +12125550144"));

        HttpResponse<String> pinned = action(cookie, path, "action=pin&to=%2B12125550144&sender=%2B14155550199");
        assertTrue(pinned.body().contains("Pinned: the next message to +12125550144 goes from +14155550199."),
                pinned.body());
        assertEquals("+14155550199", api.get("/v1/pools/" + id + "/sticky-senders/+12125550144").json()
                .get("from").asText());
        assertTrue(action(cookie, path, "to=%2B12125550144").body().contains("<strong>+14155550199</strong>"));
        assertTrue(action(cookie, path, "action=pin&to=%2B12125550144&sender=%2B19995550100").body()
                .contains("Nothing changed:"), "not a member");

        assertTrue(action(cookie, path, "action=reset&to=%2B12125550144").body().contains("Reset:"));
        assertEquals(404, api.get("/v1/pools/" + id + "/sticky-senders/+12125550144").status());
        assertTrue(action(session(server.newAccount().key()), path, "to=%2B12125550144").body()
                .contains("Nothing changed:"), "another account's pool");
    }

    @Test
    void thePoolListCountsUnhealthyNumbersAndShowsEachProvidersState() throws Exception {
        Api api = server.newAccount();
        String id = pool(api, "ailing", "+14155550170", "+14155550171", "+14155550172");
        try (java.sql.Connection db = server.database(); java.sql.PreparedStatement mark = db.prepareStatement(
                "UPDATE pool_numbers SET health = 'unhealthy', health_since = UTC_TIMESTAMP(6) WHERE pool_id = ?"
                        + " AND e164 IN ('+14155550170', '+14155550171')")) {
            mark.setString(1, id);
            assertEquals(2, mark.executeUpdate());
        }
        String cookie = session(api.key());
        SyncStatus.until(() -> get("/console/pools", cookie).body().contains("sandbox: in_sync"), 20);
        String row = get("/console/pools", cookie).body();
        assertTrue(row.contains("<td class=\"num health-unhealthy\">2</td>"), row);
    }

    @Test
    void aPoolsTimelineShowsEachChangeWithWhatItWasBefore() {
        Api api = server.newAccount();
        String id = pool(api, "history", "+14155550173");
        assertEquals(200, api.patch("/v1/pools/" + id, "{\"sticky_ttl_days\":60}").status());
        String cookie = session(api.key());
        HttpResponse<String> timeline = get("/console/pools/" + id + "/timeline", cookie);
        assertEquals(200, timeline.statusCode(), timeline.body());
        String body = timeline.body();
        assertTrue(body.contains("sticky_ttl_days: 30 → 60"), body);
        assertTrue(body.indexOf("pool.updated by ") < body.indexOf("numbers.added by ")
                && body.indexOf("numbers.added by ") < body.indexOf("pool.created by "), "newest first: " + body);
        assertEquals(404, get("/console/pools/" + id + "/timeline", session(server.newAccount().key())).statusCode());
    }

    @Test
    void beforeANumberIsRemovedTheOperatorSeesWhatItWouldCost() {
        Api api = server.newAccount();
        String id = pool(api, "costly", "+14155550174", "+14155550176", "+12125550175");
        api.patch("/v1/pools/" + id, "{\"sticky_sender\":true}");
        assertEquals(200, api.send("PUT", "/v1/pools/" + id + "/sticky-senders/+13105550100",
                "{\"from\":\"+12125550175\"}").status());
        String cookie = session(api.key());
        HttpResponse<String> cost = get("/console/pools/" + id + "/removal?number=%2B12125550175", cookie);
        assertTrue(cost.body().contains("1 recipient(s) are stuck to it"), cost.body());
        assertTrue(cost.body().contains("the pool's only number with area code 212"), cost.body());
        HttpResponse<String> shared = get("/console/pools/" + id + "/removal?number=%2B14155550174", cookie);
        assertTrue(shared.body().contains("0 recipient(s)") && shared.body().contains("share its area code"),
                shared.body());

        assertTrue(cost.body().contains("name=\"weight\" type=\"number\" min=\"0\" value=\"1\""), cost.body());
        HttpResponse<String> edited = action(cookie, "/console/pools/" + id + "/member", "number=%2B14155550174&weight=5");
        assertTrue(edited.body().contains("Saved +14155550174: weight 5."), edited.body());
        assertEquals(5, api.get("/v1/pools/" + id + "/numbers/+14155550174").json().get("weight").asInt());
        assertTrue(action(cookie, "/console/pools/" + id + "/member", "number=%2B14155550174&weight=-1").body()
                .contains("Nothing was saved:"));

        HttpResponse<String> removed = action(cookie, "/console/pools/" + id + "/removal", "number=%2B12125550175");
        assertTrue(removed.body().contains("Removed +12125550175 from the pool."), removed.body());
        assertEquals(2, api.get("/v1/pools/" + id).json().get("number_count").asInt());
        assertTrue(action(cookie, "/console/pools/" + id + "/removal", "number=%2B12125550175").body()
                .contains("Nothing was removed:"));
        assertTrue(get("/console/pools/" + id + "/removal?number=%2B14155550174", session(server.newAccount().key()))
                .body().contains("class=\"error\""), "another account's pool");
    }

    @Test
    void aProvidersPoolIsImportedWithAllItsNumbersOrNothing() {
        Api api = server.newAccount();
        String cookie = session(api.key());
        HttpResponse<String> missing = action(cookie, "/console/pools/import",
                "provider=sandbox&provider_pool_id=sbx-nothere&name=adopted&campaign_id=CSANDBOX");
        assertTrue(missing.body().contains("Nothing was imported:"), missing.body());
        HttpResponse<String> noCampaign = action(cookie, "/console/pools/import",
                "provider=sandbox&provider_pool_id=sbx-demo&name=adopted");
        assertTrue(noCampaign.body().contains("Nothing was imported"), noCampaign.body());
        assertEquals(0, api.get("/v1/pools").json().get("items").size(), "nothing was created");

        HttpResponse<String> imported = action(cookie, "/console/pools/import",
                "provider=sandbox&provider_pool_id=sbx-demo&name=adopted&campaign_id=CSANDBOX");
        assertTrue(imported.body().contains("Imported as <a href=\"/console/pools/pool_"), imported.body());
        assertEquals(3, api.get("/v1/pools").json().get("items").get(0).get("number_count").asInt());
    }

    @Test
    void theOperationsPageShowsWhatWaitsOrFailsInTheAccountOnly() throws InterruptedException {
        Api api = server.newAccount();
        Api.Response created = api.post("/v1/pools", "{\"name\":\"stuck\"}");
        String id = created.json().get("id").asText();
        assertEquals(200, api.post("/v1/pools/" + id + "/numbers", "{\"numbers\":[{\"number\":\"+14155550177\","
                + "\"provider\":\"vonage\",\"campaign_id\":\"CABC123\"}]}").status());
        String cookie = session(api.key());
        SyncStatus.until(() -> get("/console/operations", cookie).body().contains(id + " at vonage"), 20);
        String page = get("/console/operations", cookie).body();
        assertTrue(page.contains("Nothing is waiting to be sent."), page);
        assertTrue(page.contains("This account has no event endpoints."), page);
        assertFalse(get("/console/operations", session(server.newAccount().key())).body().contains(id),
                "another account's parts");
    }

    @Test
    void theOperationsPageCountsEachEndpointsDeliveriesWaitingAndDeadLettered() throws InterruptedException {
        Api api = server.newAccount();
        String id = pool(api, "hooked", "+14155550168");
        Api.Response endpoint = api.post("/v1/event-endpoints", "{\"url\":\"http://127.0.0.1:1/hook\"}");
        assertEquals(201, endpoint.status(), endpoint.body());
        String endpointId = endpoint.json().get("id").asText();
        api.sendMessage("{\"pool_id\":\"" + id + "\",\"to\":\"+12125550124\",\"text\":\"hi\"}");
        String cookie = session(api.key());
        Pattern row = Pattern.compile("<th scope=\"row\">" + endpointId + "</th><td>[^<]*</td><td>(\\w+)</td><td>[^<]*</td>"
                + "<td class=\"num\">(\\d+)</td><td>(.*?)</td><td class=\"num\">(\\d+)</td>");
        SyncStatus.until(() -> {
            Matcher m = row.matcher(get("/console/operations", cookie).body());
            return m.find() && Integer.parseInt(m.group(2)) > 0;
        }, 20);
        Matcher waiting = row.matcher(get("/console/operations", cookie).body());
        assertTrue(waiting.find());
        int count = Integer.parseInt(waiting.group(2));
        assertTrue(waiting.group(3).contains("<time datetime="), "since when the oldest waits: " + waiting.group(3));
        assertEquals("0", waiting.group(4));

        assertEquals(200, api.patch("/v1/event-endpoints/" + endpointId, "{\"enabled\":false}").status());
        Matcher dead = row.matcher(get("/console/operations", cookie).body());
        assertTrue(dead.find());
        assertEquals("disabled", dead.group(1));
        assertEquals("0", dead.group(2), "nothing waits for a disabled endpoint");
        assertTrue(Integer.parseInt(dead.group(4)) >= count, "what waited is dead-lettered: " + dead.group(4));
        assertFalse(get("/console/operations", session(server.newAccount().key())).body().contains(endpointId));
    }

    @Test
    void aPoolPageShowsEachNumbersDeliveredShareRestAndBudget() throws Exception {
        Api api = server.newAccount();
        String id = pool(api, "standing", "+14155550165", "+14155550166");
        try (java.sql.Connection db = server.database(); java.sql.PreparedStatement mark = db.prepareStatement(
                "UPDATE pool_numbers SET health = 'unhealthy', receipt_window = 'DFFF',"
                        + " health_since = '2026-11-30 08:00:00' WHERE pool_id = ? AND e164 = '+14155550165'")) {
            mark.setString(1, id);
            assertEquals(1, mark.executeUpdate());
        }
        String page = get("/console/pools/" + id, session(api.key())).body();
        int sick = page.indexOf("<th scope=\"row\">+14155550165</th>");
        int fresh = page.indexOf("<th scope=\"row\">+14155550166</th>");
        assertTrue(sick > 0 && fresh > 0, page);
        String sickRow = page.substring(sick, page.indexOf("</tr>", sick));
        String freshRow = page.substring(fresh, page.indexOf("</tr>", fresh));
        assertTrue(sickRow.contains("<td class=\"num\">25 % of 4</td>"), sickRow);
        assertTrue(sickRow.contains("<time datetime=\"2026-12-01T08:00:00Z\""), "rests a day: " + sickRow);
        assertTrue(sickRow.contains("<td class=\"num\">1/s</td>"), "a long code's budget: " + sickRow);
        assertTrue(freshRow.contains("no receipts yet") && freshRow.contains("<span class=\"muted\">—</span>"),
                freshRow);
    }

    @Test
    void theTimelineChartsEachDaysDeliveredShareFromTheReceipts() throws InterruptedException {
        Api api = server.newAccount();
        String id = pool(api, "charted", "+14155550164");
        String cookie = session(api.key());
        assertTrue(get("/console/pools/" + id + "/timeline", cookie).body().contains("No receipts in that time."));
        List<String> sent = List.of("+12125550125", "+12125550002").stream().map(to -> api.sendMessage(
                "{\"pool_id\":\"" + id + "\",\"to\":\"" + to + "\",\"text\":\"hi\"}").json().get("id").asText()).toList();
        SyncStatus.until(() -> sent.stream().allMatch(m -> List.of("delivered", "failed").contains(
                api.get("/v1/messages/" + m).json().get("status").asText())), 20);

        String page = get("/console/pools/" + id + "/timeline", cookie).body();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(page.contains("<tr><th scope=\"row\">" + today + "</th><td class=\"num\">50 %</td>"
                + "<td class=\"num\">1</td><td class=\"num\">2</td></tr>"), page);
        assertTrue(page.contains("<title>" + today + ": 50 % (1 of 2)</title>"), "the bar says it on hover: " + page);
        assertTrue(page.contains(", from 2 receipts."), page);
        assertEquals(30, Pattern.compile("<rect class=\"bar").matcher(page).results().count(), "a bar a day");
    }

    @Test
    void theOptOutPageListsRecentStopsAndStartsNewestFirst() throws InterruptedException {
        Api api = server.newAccount();
        String id = pool(api, "listening", "+14155550163");
        String cookie = session(api.key());
        assertTrue(get("/console/opt-outs", cookie).body().contains("No number has opted out or back in lately."));
        assertEquals(202, api.sendMessage("{\"pool_id\":\"" + id + "\",\"to\":\"+12125550005\",\"text\":\"hi\"}")
                .status());
        SyncStatus.until(() -> get("/console/opt-outs", cookie).body().contains("+12125550005"), 20);
        action(cookie, "/console/opt-outs/" + id + "/numbers", "action=in&number=%2B12125550005");

        String page = get("/console/opt-outs", cookie).body();
        int start = page.indexOf("<td>opted in</td>");
        int stop = page.indexOf("<td>opted out</td>");
        assertTrue(start > 0 && stop > start, "newest first: " + page);
        assertTrue(page.substring(stop).contains("<td>STOP</td>"), "the pool's own list: " + page);
        assertTrue(page.substring(start, stop).contains("<td>api</td>"), page);
        assertFalse(get("/console/opt-outs", session(server.newAccount().key())).body().contains("+12125550005"),
                "another account's opt-outs");
    }

    /** The status line of a request sent as written, path and all (no client normalizes it first). */
    private String rawStatus(String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + server.uri().getAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void noPathAroundTheSignInReachesAPage() throws IOException {
        for (String path : List.of("/console/static/../pools", "/console/static/%2e%2e/pools",
                "/console/static/..%2fpools", "/console/static/htmx/../../pools", "/console/sign-in/../pools",
                "/console//pools")) {
            String status = rawStatus(path);
            assertFalse(status.contains(" 200 "), path + " answered " + status);
        }
    }

    @Test
    void pageTextIsEscaped() {
        Api api = server.newAccount();
        HttpResponse<String> pools = get("/console/pools?name=" + URLEncoder.encode("<script>alert(1)</script>",
                StandardCharsets.UTF_8), session(api.key()));
        assertFalse(pools.body().contains("<script>alert(1)</script>"), pools.body());
        assertTrue(pools.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), pools.body());
    }

    @Test
    void aRequestThatChangesSomethingNeedsTheOriginAndTheCsrfToken() {
        Api api = server.newAccount();
        assertEquals(403, send("POST", "/console/sign-in", "api_key=" + api.key()).statusCode(), "no Origin");
        assertEquals(403, send("POST", "/console/sign-in", "api_key=" + api.key(), "Origin", "https://evil.example")
                .statusCode(), "another origin");

        String cookie = session(api.key());
        String token = csrf(get("/console/pools", cookie).body());
        assertEquals(403, send("POST", "/console/sign-out", null, "Cookie", cookie, "Origin", origin()).statusCode(),
                "no CSRF token");
        assertEquals(403, send("POST", "/console/sign-out", null, "Cookie", cookie, "Origin", origin(),
                "X-CSRF-Token", "0".repeat(64)).statusCode(), "a wrong token");
        assertEquals(403, send("POST", "/console/sign-out", null, "Cookie", cookie, "Origin", "https://evil.example",
                "X-CSRF-Token", token).statusCode(), "the right token from another origin");
        assertEquals(200, get("/console/pools", cookie).statusCode(), "nothing was refused into a sign-out");

        HttpResponse<String> out = send("POST", "/console/sign-out", null, "Cookie", cookie, "Origin", origin(),
                "X-CSRF-Token", token, "HX-Request", "true");
        assertEquals(204, out.statusCode(), out.body());
        assertEquals("/console/sign-in", out.headers().firstValue("HX-Redirect").orElseThrow());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(303, get("/console/pools", cookie).statusCode(), "the session is gone");
    }

    @Test
    void revokingTheKeyEndsItsSessions() {
        Api api = server.newAccount();
        Api.Response second = api.post("/v1/api-keys", "{}");
        assertEquals(201, second.status(), second.body());
        String cookie = session(second.json().get("api_key").asText());
        assertEquals(200, get("/console/pools", cookie).statusCode());

        assertEquals(204, api.delete("/v1/api-keys/" + second.json().get("id").asText()).status());
        assertEquals(303, get("/console/pools", cookie).statusCode(), "a revoked key's session ends");
    }

    @Test
    void signInAttemptsAreLimitedPerAddress() {
        try (TestServer limited = server.withProperties(Map.of("poolkeeper.console.sign-in-attempts-per-minute", 3))) {
            HttpClient client = http;
            URI uri = limited.uri().resolve("/console/sign-in");
            int last = 0;
            String retryAfter = null;
            for (int i = 0; i < 4; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).header("Origin", "http://" + uri.getAuthority())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("api_key=pk_wrongwrongwrongwrong")).build();
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                last = r.statusCode();
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            }
            assertEquals(429, last, "the fourth attempt within a minute");
            assertNotNull(retryAfter);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
