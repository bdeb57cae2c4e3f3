package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdempotencyApiTest extends EndToEndTest {

    @Test
    void aReplayedKeyReturnsTheFirstResponseAndChangesNothing() {
        Api api = server.newAccount();
        Api.Response first = api.post("/v1/pools", Api.pool("once"), "Idempotency-Key", "create-once");
        Api.Response retry = api.post("/v1/pools", Api.pool("once"), "Idempotency-Key", "create-once");
        assertEquals(201, first.status());
        assertEquals(201, retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, api.get("/v1/pools").json().get("items").size());
        assertEquals(1, api.get("/v1/pools/" + first.json().get("id").asText() + "/events").json()
                .get("items").size(), "one creation recorded");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        Api api = server.newAccount();
        api.post("/v1/pools", Api.pool("first"), "Idempotency-Key", "k");
        Api.Response reused = api.post("/v1/pools", Api.pool("second"), "Idempotency-Key", "k");
        assertEquals(422, reused.status());
        assertEquals("idempotency.key_reused", reused.code());
        assertEquals(1, api.get("/v1/pools").json().get("items").size());
    }

    @Test
    void keysArePerAccountAndARefusalIsNotKept() {
        Api alice = server.newAccount();
        Api bob = server.newAccount();
        assertEquals(201, alice.post("/v1/pools", Api.pool("p"), "Idempotency-Key", "shared").status());
        assertEquals(201, bob.post("/v1/pools", Api.pool("p"), "Idempotency-Key", "shared").status());
        Api.Response refused = alice.post("/v1/pools", "{\"name\":\"bad name\"}", "Idempotency-Key", "retry-me");
        assertEquals(400, refused.status());
        Api.Response fixedAndRetried = alice.post("/v1/pools", "{\"name\":\"bad name\"}", "Idempotency-Key",
                "retry-me");
        assertEquals(400, fixedAndRetried.status(), "a refusal is evaluated again, not replayed from storage");
    }

    @Test
    void aReplayedBulkAddReturnsTheSameResults() {
        Api api = server.newAccount();
        String pool = createPool(api, "bulk");
        String body = Api.numbers(Api.usLongCode("+14155550100"), Api.usLongCode("junk"));
        Api.Response first = api.post("/v1/pools/" + pool + "/numbers", body, "Idempotency-Key", "add-1");
        Api.Response retry = api.post("/v1/pools/" + pool + "/numbers", body, "Idempotency-Key", "add-1");
        assertEquals(207, first.status());
        assertEquals(207, retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals(2, api.get("/v1/pools/" + pool + "/events").json().get("items").size(),
                "created, then one numbers.added");
    }
}
