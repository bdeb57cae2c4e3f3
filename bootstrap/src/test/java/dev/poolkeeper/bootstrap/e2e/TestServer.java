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
    /** The key provider credentials are encrypted with (32 bytes of 0x2a). */
    static final String SECRETS_KEYS = "test-1:KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";

    private final EmbeddedServer server;
    private final Map<String, Object> properties;

    private TestServer(EmbeddedServer server, Map<String, Object> properties) {
        this.server = server;
        this.properties = properties;
    }

    /**
     * The service with every provider configured (credentials given; their addresses are a closed port on
     * this machine, so nothing leaves it) and the provider-sync worker off: numbers of every provider are
     * candidates, as on an instance with all of them set up.
     */
    static TestServer start() {
        return start(Map.ofEntries(
                Map.entry("poolkeeper.providers.vonage.api-key", "vonagekey"),
                Map.entry("poolkeeper.providers.vonage.api-secret", "vonage-secret"),
                Map.entry("poolkeeper.providers.vonage.base-url", NOWHERE),
                Map.entry("poolkeeper.providers.vonage.sms-base-url", NOWHERE),
                Map.entry("poolkeeper.providers.telnyx.api-key", "telnyx-key"),
                Map.entry("poolkeeper.providers.telnyx.base-url", NOWHERE),
                Map.entry("poolkeeper.providers.pinpoint.region", "us-east-1"),
                Map.entry("poolkeeper.providers.pinpoint.endpoint", NOWHERE),
                Map.entry("poolkeeper.providers.pinpoint.access-key-id", "AKIDTESTING"),
                Map.entry("poolkeeper.providers.pinpoint.secret-access-key", "pinpoint-secret"),
                Map.entry("poolkeeper.providers.sandbox.enabled", "true"),
                Map.entry("poolkeeper.sync.enabled", "false")));
    }

    /** Port 9 (discard) on loopback: nothing listens there, a connection is refused at once. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    static TestServer start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema().properties());
        properties.put("micronaut.server.port", -1);
        properties.put("poolkeeper.admin-api-key", ADMIN_KEY);
        properties.put("poolkeeper.secrets.keys", SECRETS_KEYS);
        properties.put("poolkeeper.provider-connections.base-url-allowed", "true");
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

    java.net.URI uri() {
        return server.getURI();
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
