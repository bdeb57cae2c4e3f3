package dev.poolkeeper.bootstrap.e2e;

import dev.poolkeeper.adapters.persistence.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service on a real HTTP port and a fresh database of the shared test server: what a
 * client of the API talks to, with nothing mocked.
 */
final class TestServer implements AutoCloseable {
    static final String ADMIN_KEY = "admin-key-for-tests-0123456789";

    private final EmbeddedServer server;
    private final Map<String, Object> properties;

    private TestServer(EmbeddedServer server, Map<String, Object> properties) {
        this.server = server;
        this.properties = properties;
    }

    static TestServer start() {
        return start(Map.of());
    }

    static TestServer start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema().properties());
        properties.put("micronaut.server.port", -1);
        properties.put("poolkeeper.admin-api-key", ADMIN_KEY);
        properties.putAll(overrides);
        return new TestServer(ApplicationContext.run(EmbeddedServer.class, properties), properties);
    }

    /** Another instance of the service on the same database, as a second node behind a load balancer. */
    TestServer secondInstance() {
        return withProperties(Map.of());
    }

    /** Another instance on the same database, with some properties of its own. */
    TestServer withProperties(Map<String, Object> overrides) {
        Map<String, Object> same = new HashMap<>(properties);
        same.putAll(overrides);
        same.put("flyway.datasources.default.enabled", false);
        return new TestServer(ApplicationContext.run(EmbeddedServer.class, same), same);
    }

    Api api(String key) {
        return new Api(server.getURI(), key);
    }

    Api anonymous() {
        return new Api(server.getURI(), null);
    }

    /** A new account, created as an operator would, and a client with its key. */
    Api newAccount() {
        Api.Response created = api(ADMIN_KEY).post("/v1/accounts", "{\"name\":\"test account\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an account: " + created);
        }
        return api(created.json().get("api_key").asText());
    }

    /** A connection to this server's database, for tests that play another instance's part. */
    java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(String.valueOf(properties.get("datasources.default.url")),
                String.valueOf(properties.get("datasources.default.username")),
                String.valueOf(properties.get("datasources.default.password")));
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
