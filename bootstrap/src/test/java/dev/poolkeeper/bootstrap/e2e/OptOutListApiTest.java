package dev.poolkeeper.bootstrap.e2e;

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
}
