package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolsApiTest extends EndToEndTest {

    @Test
    void errorsNameTheOtherParty() {
        Api api = server.newAccount();
        String first = api.post("/v1/pools", Api.pool("holder")).json().get("id").asText();
        String second = api.post("/v1/pools", Api.pool("wanter")).json().get("id").asText();
        api.post("/v1/pools/" + first + "/numbers", Api.numbers(Api.usLongCode("+14155550180")));
        Api.Response taken = api.post("/v1/pools/" + second + "/numbers", Api.numbers(Api.usLongCode("+14155550180")));
        JsonNode item = taken.json().get("results").get(0);
        assertEquals("number.in_other_pool", item.get("code").asText());
        assertTrue(item.get("message").asText().contains(first), "names the pool holding it: " + item);

        Api.Response twoWay = api.patch("/v1/pools/" + first, "{\"two_way_enabled\":true}");
        assertEquals("pool.members_not_two_way", twoWay.code());
        assertTrue(twoWay.body().contains("+14155550180"), "names the members: " + twoWay.body());

        assertEquals(201, api.post("/v1/opt-out-lists", "{\"name\":\"shared-list\"}").status());
        api.patch("/v1/pools/" + first, "{\"opt_out_list_name\":\"shared-list\"}");
        api.patch("/v1/pools/" + second, "{\"opt_out_list_name\":\"shared-list\"}");
        Api.Response inUse = api.delete("/v1/opt-out-lists/shared-list");
        assertEquals("opt_out_list.in_use", inUse.code());
        assertTrue(inUse.body().contains(first) && inUse.body().contains(second), "names the pools: " + inUse.body());
    }

    @Test
    void historyOutlivesThePoolAndIsFilteredByTypeAndTimeInEitherOrder() {
        Api api = server.newAccount();
        String pool = createPool(api, "historic");
        api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550170")));
        api.patch("/v1/pools/" + pool, "{\"geomatch\":true}");
        assertEquals(204, api.delete("/v1/pools/" + pool).status());
        assertEquals(404, api.get("/v1/pools/" + pool).status());

        JsonNode all = api.get("/v1/pools/" + pool + "/events").json().get("items");
        assertEquals(List.of("pool.created", "numbers.added", "pool.updated", "pool.deleted"), types(all));
        JsonNode newest = api.get("/v1/pools/" + pool + "/events?order=desc&page_size=1").json();
        assertEquals(List.of("pool.deleted"), types(newest.get("items")));
        JsonNode next = api.get("/v1/pools/" + pool + "/events?order=desc&page_size=1&page_token="
                + newest.get("next_page_token").asText()).json();
        assertEquals(List.of("pool.updated"), types(next.get("items")));
        assertEquals(List.of("numbers.added", "pool.deleted"), types(api.get("/v1/pools/" + pool
                + "/events?type=numbers.added,pool.deleted").json().get("items")));
        String created = all.get(0).get("occurred_at").asText();
        assertEquals(List.of(), types(api.get("/v1/pools/" + pool + "/events?to=" + created).json().get("items")),
                "to is exclusive");
        assertEquals(4, api.get("/v1/pools/" + pool + "/events?from=" + created).json().get("items").size());

        Api.Response badType = api.get("/v1/pools/" + pool + "/events?type=pool.exploded");
        assertEquals(400, badType.status());
        assertTrue(badType.body().contains("pool.created"), "names the valid types: " + badType.body());
        assertEquals(400, api.get("/v1/pools/" + pool + "/events?from=yesterday").status());
        assertEquals(400, api.get("/v1/pools/" + pool + "/events?order=sideways").status());
        assertEquals(404, server.newAccount().get("/v1/pools/" + pool + "/events").status(), "another account's");
    }

    @Test
    void anUnknownQueryParameterIs400NamingItAndTheOnesTheEndpointTakes() {
        Api api = server.newAccount();
        createPool(api, "query");
        Api.Response typo = api.get("/v1/pools?stauts=active&page_size=5");
        assertEquals(400, typo.status(), typo.body());
        assertEquals("stauts", typo.json().get("errors").get(0).get("field").asText());
        assertTrue(typo.body().contains("page_size") && typo.body().contains("status"), typo.body());
        Api.Response none = api.get("/v1/pools/" + createPool(api, "other") + "?expand=numbers");
        assertEquals(400, none.status(), none.body());
        assertTrue(none.body().contains("takes no query parameters"), none.body());
        assertEquals(200, api.get("/v1/pools?status=active&page_size=5").status());
    }

    @Test
    void settingsUnderWhichNoNumberCouldBeChosenAreRefusedWhenSet() {
        Api api = server.newAccount();
        Api.Response created = api.post("/v1/pools", "{\"name\":\"zero\",\"long_code_weight\":0,"
                + "\"toll_free_weight\":0}");
        assertEquals(400, created.status(), created.body());
        assertEquals(0, api.get("/v1/pools").json().get("items").size());
        String pool = api.post("/v1/pools", "{\"name\":\"half\",\"long_code_weight\":0}").json().get("id").asText();
        Api.Response both = api.patch("/v1/pools/" + pool, "{\"toll_free_weight\":0}");
        assertEquals(400, both.status(), both.body());
        assertEquals("toll_free_weight", both.json().get("errors").get(0).get("field").asText());
        assertEquals(1, api.get("/v1/pools/" + pool).json().get("toll_free_weight").asInt(), "nothing changed");
    }

    @Test
    void aPoolIsCreatedWithDefaultsAndLocationAndReadBackWithItsEtag() {
        Api api = server.newAccount();
        Api.Response created = api.post("/v1/pools", "{\"name\":\"main\",\"geomatch\":true}");
        assertEquals(201, created.status());
        String id = created.json().get("id").asText();
        assertTrue(id.startsWith("pool_"));
        assertEquals("/v1/pools/" + id, created.header("Location"));
        JsonNode pool = created.json();
        assertEquals("transactional", pool.get("message_type").asText());
        assertEquals("pool", pool.get("fallback").asText());
        assertEquals(30, pool.get("sticky_ttl_days").asInt());
        assertTrue(pool.get("geomatch").asBoolean());
        assertTrue(pool.get("custom_from").isNull());
        assertEquals(0, pool.get("number_count").asInt());
        Api.Response read = api.get("/v1/pools/" + id);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(pool, read.json());
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullRestoresTheDefault() {
        Api api = server.newAccount();
        String id = createPool(api, "patched");
        Api.Response first = api.patch("/v1/pools/" + id,
                "{\"fallback\":\"custom_from\",\"custom_from\":\"ACME\",\"sticky_ttl_days\":7}");
        assertEquals(200, first.status(), first.body());
        assertEquals("\"2\"", first.header("ETag"));
        assertEquals("ACME", first.json().get("custom_from").asText());
        Api.Response reset = api.patch("/v1/pools/" + id,
                "{\"fallback\":null,\"custom_from\":null,\"sticky_ttl_days\":null}");
        assertEquals(200, reset.status(), reset.body());
        assertEquals("pool", reset.json().get("fallback").asText());
        assertEquals(30, reset.json().get("sticky_ttl_days").asInt());
        assertEquals("patched", reset.json().get("name").asText());
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Api api = server.newAccount();
        String id = createPool(api, "guarded");
        assertEquals(200, api.patch("/v1/pools/" + id, "{\"geomatch\":true}", "If-Match", "\"1\"").status());
        Api.Response stale = api.patch("/v1/pools/" + id, "{\"geomatch\":false}", "If-Match", "\"1\"");
        assertEquals(412, stale.status());
        assertEquals("pool.version_conflict", stale.code());
        assertTrue(api.get("/v1/pools/" + id).json().get("geomatch").asBoolean());
    }

    @Test
    void theMessageTypeIsImmutableAndNamesAreUniquePerAccount() {
        Api api = server.newAccount();
        String id = createPool(api, "fixed");
        Api.Response change = api.patch("/v1/pools/" + id, "{\"message_type\":\"promotional\"}");
        assertEquals(400, change.status());
        assertEquals("pool.message_type_immutable", change.code());
        Api.Response taken = api.post("/v1/pools", Api.pool("fixed"));
        assertEquals(409, taken.status());
        assertEquals("pool.name_taken", taken.code());
        assertEquals(201, server.newAccount().post("/v1/pools", Api.pool("fixed")).status());
    }

    @Test
    void aProtectedPoolIsNotDeletedUntilProtectionIsOff() {
        Api api = server.newAccount();
        Api.Response created = api.post("/v1/pools", "{\"name\":\"kept\",\"deletion_protection_enabled\":true}");
        String id = created.json().get("id").asText();
        Api.Response refused = api.delete("/v1/pools/" + id);
        assertEquals(409, refused.status());
        assertEquals("pool.deletion_protected", refused.code());
        assertEquals(200, api.get("/v1/pools/" + id).status());
        api.patch("/v1/pools/" + id, "{\"deletion_protection_enabled\":false}");
        assertEquals(204, api.delete("/v1/pools/" + id).status());
        assertEquals(404, api.get("/v1/pools/" + id).status());
    }

    @Test
    void badInputIs400NamingTheFieldAndCreatesNothing() {
        Api api = server.newAccount();
        Api.Response malformed = api.post("/v1/pools", "{\"name\": \"x\",");
        assertEquals(400, malformed.status());
        assertEquals("request.invalid", malformed.code());
        assertEquals("application/problem+json", malformed.header("Content-Type"));
        Api.Response wrongType = api.post("/v1/pools", "{\"name\":\"x\",\"geomatch\":\"yes\"}");
        assertEquals(400, wrongType.status());
        assertEquals("geomatch", wrongType.json().get("errors").get(0).get("field").asText());
        Api.Response unknownEnum = api.post("/v1/pools", "{\"name\":\"x\",\"fallback\":\"sometimes\"}");
        assertEquals(400, unknownEnum.status());
        assertEquals("fallback", unknownEnum.json().get("errors").get(0).get("field").asText());
        Api.Response unknownField = api.post("/v1/pools", "{\"name\":\"x\",\"geo_match\":true}");
        assertEquals("geo_match", unknownField.json().get("errors").get(0).get("field").asText());
        Api.Response badName = api.post("/v1/pools", "{\"name\":\"has space\"}");
        assertEquals("name", badName.json().get("errors").get(0).get("field").asText());
        Api.Response invariant = api.post("/v1/pools", "{\"name\":\"x\",\"fallback\":\"custom_from\"}");
        assertEquals(400, invariant.status());
        assertEquals("custom_from", invariant.json().get("errors").get(0).get("field").asText());
        Api.Response notAnObject = api.post("/v1/pools", "[1,2]");
        assertEquals(400, notAnObject.status());
        Api.Response empty = api.post("/v1/pools", "");
        assertEquals(400, empty.status());
        Api.Response hugeNumber = api.post("/v1/pools", "{\"name\":\"x\",\"long_code_weight\":1e40}");
        assertEquals("long_code_weight", hugeNumber.json().get("errors").get(0).get("field").asText());
        assertEquals(0, api.get("/v1/pools").json().get("items").size(), "nothing was created");
        for (Api.Response r : List.of(malformed, wrongType, unknownEnum, unknownField, badName, invariant)) {
            assertFalse(r.body().contains("Exception"), r.body());
            assertFalse(r.body().contains("dev.poolkeeper"), r.body());
        }
    }

    @Test
    void anUnknownOptOutListIs404() {
        Api api = server.newAccount();
        Api.Response r = api.post("/v1/pools", "{\"name\":\"x\",\"opt_out_list_name\":\"nope\"}");
        assertEquals(404, r.status());
        assertEquals("opt_out_list.not_found", r.code());
    }

    @Test
    void poolsListInCreationOrderPageByPageAndFilter() {
        Api api = server.newAccount();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createPool(api, "p" + i));
        }
        api.patch("/v1/pools/" + created.get(0), "{}");
        api.post("/v1/pools", "{\"name\":\"promo\",\"message_type\":\"promotional\"}");
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Api.Response page = api.get("/v1/pools?page_size=3&message_type=transactional"
                    + (token == null ? "" : "&page_token=" + token));
            assertEquals(200, page.status(), page.body());
            page.json().get("items").forEach(p -> seen.add(p.get("id").asText()));
            token = page.json().has("next_page_token") ? page.json().get("next_page_token").asText() : null;
        } while (token != null);
        assertEquals(created, seen);
        assertEquals(1, api.get("/v1/pools?name=promo").json().get("items").size());
        assertEquals(400, api.get("/v1/pools?page_size=500").status());
        assertEquals(400, api.get("/v1/pools?page_token=garbage").status());
        assertEquals(400, api.get("/v1/pools?status=gone").status());
        assertEquals(400, api.get("/v1/pools?page_size=abc").status());
    }

    @Test
    void theEventsRecordWhoChangedWhatAndWhen() {
        Api api = server.newAccount();
        String keyId = api.get("/v1/api-keys").json().get("items").get(0).get("id").asText();
        String id = createPool(api, "audited");
        api.patch("/v1/pools/" + id, "{\"sticky_sender\":true}");
        api.post("/v1/pools/" + id + "/numbers", Api.numbers(Api.usLongCode("+14155550100")));
        api.delete("/v1/pools/" + id + "/numbers/14155550100");
        JsonNode events = api.get("/v1/pools/" + id + "/events").json().get("items");
        assertEquals(List.of("pool.created", "pool.updated", "numbers.added", "numbers.removed"),
                types(events));
        events.forEach(e -> assertEquals(keyId, e.get("key_id").asText()));
        assertEquals("{\"sticky_sender\":false}", events.get(1).get("before").toString());
        assertEquals("{\"sticky_sender\":true}", events.get(1).get("after").toString());
        assertEquals("[\"+14155550100\"]", events.get(2).get("after").get("numbers").toString());
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }
}
