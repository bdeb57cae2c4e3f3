package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One server on a fresh database per test class; no request of any test may get a 5xx. */
abstract class EndToEndTest {
    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServerAndCheckNoServerErrors() {
        server.close();
        Api.assertServedAsDocumented();
    }

    static String createPool(Api api, String name) {
        Api.Response r = api.post("/v1/pools", Api.pool(name));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }
}
