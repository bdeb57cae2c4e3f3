package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolkeeper.domain.mothers.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumbersApiTest extends EndToEndTest {

    private static String batch(int from, int count) {
        return Api.numbers(IntStream.range(from, from + count)
                .mapToObj(i -> Api.usLongCode(Numbers.usNumber(i))).toArray(String[]::new));
    }

    @Test
    void fiftyOneNumbersInOneCallAre400AndChangeNothing() {
        Api api = server.newAccount();
        String pool = createPool(api, "limits");
        Api.Response r = api.post("/v1/pools/" + pool + "/numbers", batch(0, 51));
        assertEquals(400, r.status());
        assertEquals("numbers.limit_exceeded", r.code());
        assertEquals(0, api.get("/v1/pools/" + pool).json().get("number_count").asInt());
        assertEquals(0, api.get("/v1/pools/" + pool + "/numbers").json().get("items").size());
        Api.Response emptyList = api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[]}");
        assertEquals(400, emptyList.status());
        assertEquals("request.invalid", emptyList.code());
        assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", batch(0, 50)).status());
        assertEquals(50, api.get("/v1/pools/" + pool).json().get("number_count").asInt());
    }

    @Test
    void aMixedBatchIs207WithOneResultPerItemInRequestOrder() {
        Api api = server.newAccount();
        String pool = createPool(api, "mixed");
        Api.Response r = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                Api.usLongCode("+1 (415) 555-0100"),
                Api.usLongCode("not a number"),
                Api.usLongCode("+14155550100"),
                "{\"number\":\"+18005550100\",\"provider\":\"vonage\"}",
                "{\"number\":\"+14155550101\",\"provider\":\"telnyx\"}",
                "{\"number\":\"+14155550102\",\"provider\":\"telnyx\",\"campaign_id\":\"COTHER\"}"));
        assertEquals(207, r.status(), r.body());
        JsonNode results = r.json().get("results");
        assertEquals(List.of("added", "failed", "already_present", "added", "failed", "failed"), statuses(results));
        assertEquals("+14155550100", results.get(0).get("number").asText());
        assertEquals("not a number", results.get(1).get("number").asText());
        assertEquals("number.invalid", results.get(1).get("code").asText());
        assertEquals("number.campaign_required", results.get(4).get("code").asText());
        assertEquals("number.campaign_mismatch", results.get(5).get("code").asText());
        JsonNode tollFree = api.get("/v1/pools/" + pool + "/numbers/18005550100").json();
        assertEquals("toll_free", tollFree.get("type").asText());
        assertEquals("US", tollFree.get("country").asText());
        assertEquals("unknown", tollFree.get("health").asText());
        JsonNode poolNow = api.get("/v1/pools/" + pool).json();
        assertEquals(2, poolNow.get("number_count").asInt());
        assertEquals("[\"vonage\",\"telnyx\"]", poolNow.get("providers").toString());
    }

    @Test
    void aBatchWhereNothingSucceedsIs400WithTheResults() {
        Api api = server.newAccount();
        String pool = createPool(api, "nothing");
        Api.Response r = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("nope")));
        assertEquals(400, r.status());
        assertEquals("numbers.all_failed", r.code());
        assertEquals("failed", r.json().get("results").get(0).get("status").asText());
    }

    @Test
    void anItemWithAWrongTypeOrUnknownEnumFailsTheWholeCallNamingTheItemField() {
        Api api = server.newAccount();
        String pool = createPool(api, "typed");
        Api.Response r = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550100"),
                "{\"number\":\"+14155550101\",\"provider\":\"sinch\"}",
                "{\"number\":14155550102,\"provider\":\"telnyx\"}"));
        assertEquals(400, r.status());
        assertEquals("request.invalid", r.code());
        assertEquals("numbers[1].provider", r.json().get("errors").get(0).get("field").asText());
        assertEquals("numbers[2].number", r.json().get("errors").get(1).get("field").asText());
        assertEquals(0, api.get("/v1/pools/" + pool).json().get("number_count").asInt());
        Api.Response nulls = api.post("/v1/pools/" + pool + "/numbers",
                "{\"numbers\":[{\"number\":null,\"provider\":null}]}");
        assertEquals(400, nulls.status(), nulls.body());
        assertEquals("numbers[0].number", nulls.json().get("errors").get(0).get("field").asText());
        assertEquals(400, api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":null}").status());
    }

    @Test
    void aNumberBelongsToAtMostOnePoolOfAnAccount() {
        Api api = server.newAccount();
        String a = createPool(api, "a");
        String b = createPool(api, "b");
        api.post("/v1/pools/" + a + "/numbers", Api.numbers(Api.usLongCode("+14155550100")));
        Api.Response r = api.post("/v1/pools/" + b + "/numbers", Api.numbers(Api.usLongCode("+14155550100")));
        assertEquals(400, r.status());
        assertEquals("number.in_other_pool", r.json().get("results").get(0).get("code").asText());
        Api other = server.newAccount();
        String c = createPool(other, "c");
        assertEquals(200, other.post("/v1/pools/" + c + "/numbers", Api.numbers(Api.usLongCode("+14155550100")))
                .status(), "another account may pool the same number");
    }

    @Test
    void oneMemberIsReadAndRemovedByItsNumberInAnyPathForm() {
        Api api = server.newAccount();
        String pool = createPool(api, "single");
        api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550100"),
                Api.usLongCode("+14155550101")));
        assertEquals("+14155550101", api.get("/v1/pools/" + pool + "/numbers/+14155550101").json()
                .get("number").asText(), "a literal + in the path");
        assertEquals(404, api.get("/v1/pools/" + pool + "/sticky-senders/+12125550100").status());
        assertEquals("sticky_sender.not_found", api.get("/v1/pools/" + pool + "/sticky-senders/+12125550100").code());
        Api.Response bad = api.get("/v1/pools/" + pool + "/numbers/+1415555010x");
        assertEquals("number.invalid", bad.code());
        assertTrue(bad.body().contains("+1415555010x"), "the number as the client wrote it: " + bad.body());
        assertEquals("+14155550100", api.get("/v1/pools/" + pool + "/numbers/%2B14155550100").json()
                .get("number").asText());
        assertEquals(200, api.get("/v1/pools/" + pool + "/numbers/14155550100").status());
        assertEquals(400, api.get("/v1/pools/" + pool + "/numbers/12").status());
        assertEquals(204, api.delete("/v1/pools/" + pool + "/numbers/%2B14155550100").status());
        Api.Response again = api.delete("/v1/pools/" + pool + "/numbers/14155550100");
        assertEquals(404, again.status());
        assertEquals("number.not_in_pool", again.code());
        assertEquals(404, api.get("/v1/pools/" + pool + "/numbers/14155550100").status());
        assertEquals(1, api.get("/v1/pools/" + pool).json().get("number_count").asInt());
    }

    @Test
    void bulkRemoveReportsEachItem() {
        Api api = server.newAccount();
        String pool = createPool(api, "bulk-remove");
        api.post("/v1/pools/" + pool + "/numbers", batch(0, 3));
        Api.Response r = api.post("/v1/pools/" + pool + "/numbers/delete", "{\"numbers\":[\""
                + Numbers.usNumber(0) + "\",\"+14155559999\",\"junk\",\"" + Numbers.usNumber(1) + "\"]}");
        assertEquals(207, r.status(), r.body());
        assertEquals(List.of("removed", "not_found", "failed", "removed"), statuses(r.json().get("results")));
        assertEquals(1, api.get("/v1/pools/" + pool).json().get("number_count").asInt());
        Api.Response tooMany = api.post("/v1/pools/" + pool + "/numbers/delete", "{\"numbers\":["
                + String.join(",", IntStream.range(0, 51).mapToObj(i -> "\"" + Numbers.usNumber(i) + "\"").toList())
                + "]}");
        assertEquals("numbers.limit_exceeded", tooMany.code());
    }

    @Test
    void listFiltersByCountryProviderTypeAndHealth() {
        Api api = server.newAccount();
        String pool = createPool(api, "filtered");
        api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550100"),
                "{\"number\":\"+18005550100\",\"provider\":\"vonage\"}",
                "{\"number\":\"+447400123456\",\"provider\":\"pinpoint\"}"));
        assertEquals(1, api.get("/v1/pools/" + pool + "/numbers?country=gb").json().get("items").size());
        assertEquals(1, api.get("/v1/pools/" + pool + "/numbers?provider=vonage").json().get("items").size());
        assertEquals(2, api.get("/v1/pools/" + pool + "/numbers?type=long_code").json().get("items").size());
        assertEquals(3, api.get("/v1/pools/" + pool + "/numbers?health=unknown").json().get("items").size());
        assertEquals(400, api.get("/v1/pools/" + pool + "/numbers?type=landline").status());
        assertEquals(1, api.get("/v1/pools?provider=pinpoint").json().get("items").size());
    }

    @Test
    void pagingThroughTenThousandNumbersReturnsEachExactlyOnceEvenWhileTheListChanges() {
        Api api = server.newAccount();
        String pool = createPool(api, "ten-thousand");
        for (int from = 0; from < 10_000; from += 50) {
            assertEquals(200, api.post("/v1/pools/" + pool + "/numbers", batch(from, 50)).status());
        }
        assertEquals(10_000, api.get("/v1/pools/" + pool).json().get("number_count").asInt());
        List<String> seen = new ArrayList<>();
        String token = null;
        int page = 0;
        do {
            Api.Response r = api.get("/v1/pools/" + pool + "/numbers?page_size=200"
                    + (token == null ? "" : "&page_token=" + token));
            assertEquals(200, r.status());
            r.json().get("items").forEach(m -> seen.add(m.get("number").asText()));
            token = r.json().has("next_page_token") ? r.json().get("next_page_token").asText() : null;
            if (++page == 10) {
                api.post("/v1/pools/" + pool + "/numbers", batch(20_000, 10));
            }
        } while (token != null);
        Set<String> expected = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> expected.add(Numbers.usNumber(i)));
        List<String> original = seen.stream().filter(expected::contains).toList();
        assertEquals(10_000, original.size(), "each original number once");
        assertEquals(expected, new HashSet<>(original));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no number repeated");
        assertTrue(seen.size() <= 10_010);
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.get("status").asText()));
        return statuses;
    }

    @Test
    void aMemberIsChangedInPlaceUnderTheMembershipRulesAndAReAddThatDiffersIsAConflict() {
        Api api = server.newAccount();
        String pool = createPool(api, "patched-members");
        api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550160"),
                Api.usLongCode("+14155550161")));

        Api.Response heavier = api.patch("/v1/pools/" + pool + "/numbers/+14155550160", "{\"weight\":4}");
        assertEquals(200, heavier.status(), heavier.body());
        assertEquals(4, heavier.json().get("weight").asInt());
        assertEquals(4, api.get("/v1/pools/" + pool + "/numbers/14155550160").json().get("weight").asInt());
        assertTrue(api.get("/v1/pools/" + pool + "/events?type=number.updated").body().contains("\"weight\":4"));

        Api.Response otherCampaign = api.patch("/v1/pools/" + pool + "/numbers/+14155550160",
                "{\"campaign_id\":\"COTHER1\"}");
        assertEquals("number.campaign_mismatch", otherCampaign.code(), otherCampaign.body());
        Api.Response asTollFree = api.patch("/v1/pools/" + pool + "/numbers/+14155550160", "{\"type\":\"toll_free\"}");
        assertEquals("number.type_mismatch", asTollFree.code(), asTollFree.body());
        assertEquals(400, api.patch("/v1/pools/" + pool + "/numbers/+14155550160", "{\"weight\":0}").status());
        assertEquals(400, api.patch("/v1/pools/" + pool + "/numbers/+14155550160", "{\"colour\":\"red\"}").status());
        assertEquals("number.not_in_pool", api.patch("/v1/pools/" + pool + "/numbers/+14155550199",
                "{\"weight\":2}").code());
        assertEquals(4, api.get("/v1/pools/" + pool + "/numbers/14155550160").json().get("weight").asInt(),
                "refusals changed nothing");

        Api.Response same = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                "{\"number\":\"+14155550161\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\"}"));
        assertEquals("already_present", same.json().get("results").get(0).get("status").asText());
        Api.Response differs = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                "{\"number\":\"+14155550160\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\"}"));
        JsonNode conflict = differs.json().get("results").get(0);
        assertEquals("number.conflicts_with_member", conflict.get("code").asText(), differs.body());
        assertTrue(conflict.get("message").asText().contains("weight 4 (not 1)"), conflict.toString());

        Api.Response ukAsTollFree = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                "{\"number\":\"+447400123456\",\"provider\":\"pinpoint\",\"type\":\"toll_free\"}"));
        assertEquals("number.type_mismatch", ukAsTollFree.json().get("results").get(0).get("code").asText());
        Api.Response shortCode = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(
                "{\"number\":\"+14155550162\",\"provider\":\"telnyx\",\"type\":\"short_code\","
                        + "\"campaign_id\":\"CABC123\"}"));
        assertEquals(400, shortCode.status(), "short_code is not a member type: " + shortCode.body());
    }
}
