package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptOutListApiTest extends EndToEndTest {

    @Test
    void listsAreCreatedOncePerNameAndBelongToTheirAccount() {
        Api api = server.newAccount();
        Api.Response created = api.post("/v1/opt-out-lists", "{\"name\":\"marketing\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("/v1/opt-out-lists/marketing", created.header("Location"));
        assertEquals(409, api.post("/v1/opt-out-lists", "{\"name\":\"marketing\"}").status());
        assertEquals("opt_out_list.name_taken", api.post("/v1/opt-out-lists", "{\"name\":\"marketing\"}").code());
        assertEquals(400, api.post("/v1/opt-out-lists", "{\"name\":\"no spaces\"}").status());
        assertEquals(200, api.get("/v1/opt-out-lists/marketing").status());
        assertEquals(1, api.get("/v1/opt-out-lists").json().get("items").size());
        Api stranger = server.newAccount();
        assertEquals(404, stranger.get("/v1/opt-out-lists/marketing").status());
        assertEquals(404, stranger.send("PUT", "/v1/opt-out-lists/marketing/numbers/12125550100", null).status());
        assertEquals(201, stranger.post("/v1/opt-out-lists", "{\"name\":\"marketing\"}").status());
    }

    @Test
    void anOptedOutRecipientIsRefusedByEveryPoolOnTheListUntilOptedBackIn() {
        Api api = server.newAccount();
        api.post("/v1/opt-out-lists", "{\"name\":\"main\"}");
        Api.Response pool = api.post("/v1/pools", "{\"name\":\"listed\",\"opt_out_list_name\":\"main\"}");
        String id = pool.json().get("id").asText();
        api.post("/v1/pools/" + id + "/numbers", Api.numbers(
                "{\"number\":\"+18005550100\",\"provider\":\"vonage\"}"));
        String selections = "/v1/pools/" + id + "/sender-selections";
        String body = "{\"to\":\"+12125550100\",\"dry_run\":true}";
        assertEquals(200, api.post(selections, body).status());

        Api.Response optedOut = api.send("PUT", "/v1/opt-out-lists/main/numbers/%2B12125550100", null);
        assertEquals(200, optedOut.status(), optedOut.body());
        String firstTime = optedOut.json().get("opted_out_at").asText();
        assertEquals(firstTime, api.send("PUT", "/v1/opt-out-lists/main/numbers/12125550100", null).json()
                .get("opted_out_at").asText(), "opting out again keeps the first time");
        Api.Response refused = api.post(selections, body);
        assertEquals(422, refused.status());
        assertEquals("selection.opted_out", refused.code());
        assertEquals(1, api.get("/v1/opt-out-lists/main/numbers").json().get("items").size());

        assertEquals(204, api.delete("/v1/opt-out-lists/main/numbers/12125550100").status());
        assertEquals(200, api.post(selections, body).status());
        assertEquals("opt_out.not_found", api.delete("/v1/opt-out-lists/main/numbers/12125550100").code());
    }

    @Test
    void aListInUseCannotBeDeleted() {
        Api api = server.newAccount();
        api.post("/v1/opt-out-lists", "{\"name\":\"used\"}");
        String id = api.post("/v1/pools", "{\"name\":\"p\",\"opt_out_list_name\":\"used\"}").json().get("id").asText();
        Api.Response inUse = api.delete("/v1/opt-out-lists/used");
        assertEquals(409, inUse.status());
        assertEquals("opt_out_list.in_use", inUse.code());
        api.patch("/v1/pools/" + id, "{\"opt_out_list_name\":null}");
        assertEquals(204, api.delete("/v1/opt-out-lists/used").status());
        assertEquals(404, api.get("/v1/opt-out-lists/used").status());
    }

    @Test
    void aPoolsOwnListIsAddressedByThePoolIdAndKeepsItsOptOuts() {
        Api api = server.newAccount();
        String pool = createPool(api, "own-list");
        api.post("/v1/pools/" + pool + "/numbers", Api.numbers(Api.usLongCode("+14155550150")));
        Api.Response list = api.get("/v1/opt-out-lists/" + pool);
        assertEquals(200, list.status(), list.body());
        assertEquals(pool, list.json().get("name").asText());

        assertEquals(200, api.send("PUT", "/v1/opt-out-lists/" + pool + "/numbers/+12125550150", null).status());
        assertTrue(api.get("/v1/opt-out-lists/" + pool + "/numbers").body().contains("+12125550150"));
        Api.Response refused = api.post("/v1/pools/" + pool + "/sender-selections",
                "{\"to\":\"+12125550150\",\"dry_run\":true}");
        assertEquals("selection.opted_out", refused.code(), "the pool honours its own list: " + refused.body());
        assertEquals(204, api.delete("/v1/opt-out-lists/" + pool + "/numbers/12125550150").status());
        assertEquals(200, api.post("/v1/pools/" + pool + "/sender-selections",
                "{\"to\":\"+12125550150\",\"dry_run\":true}").status());

        assertEquals("opt_out_list.in_use", api.delete("/v1/opt-out-lists/" + pool).code(), "it goes with its pool");
        assertEquals(400, api.post("/v1/opt-out-lists", "{\"name\":\"pool_mine\"}").status(),
                "names of pools' own lists are not given to named lists");
        assertEquals(404, server.newAccount().get("/v1/opt-out-lists/" + pool).status(), "another account's pool");
        api.post("/v1/opt-out-lists", "{\"name\":\"shared\"}");
        api.patch("/v1/pools/" + pool, "{\"opt_out_list_name\":\"shared\"}");
        Api.Response named = api.get("/v1/opt-out-lists/" + pool);
        assertEquals(404, named.status());
        assertTrue(named.body().contains("shared"), "says which list the pool uses: " + named.body());
    }
}
