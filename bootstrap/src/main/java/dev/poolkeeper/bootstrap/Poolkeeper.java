package dev.poolkeeper.bootstrap;

import dev.poolkeeper.adapters.persistence.embedded.EmbeddedMariaDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Poolkeeper. Without {@code DATASOURCES_DEFAULT_URL} it first starts an embedded MariaDB
 * whose files live in {@code POOLKEEPER_DATA_DIR} (default {@code ./var}), so a restart keeps the
 * pools, creates a development account, keeps the key that encrypts provider credentials next to the
 * database (unless {@code POOLKEEPER_SECRETS_KEYS} is set) and turns the sandbox provider on (unless
 * {@code POOLKEEPER_PROVIDERS_SANDBOX_ENABLED} says otherwise); with a MySQL URL it uses that server and
 * starts nothing.
 */
public final class Poolkeeper {
    static {
        // before the first logger: logback picks its appender by this name, case-sensitively, and a name
        // it does not know would silence every log line
        String format = System.getenv("POOLKEEPER_LOG_FORMAT");
        if (format != null && System.getProperty("POOLKEEPER_LOG_FORMAT") == null) {
            System.setProperty("POOLKEEPER_LOG_FORMAT", logAppender(format));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Poolkeeper.class);

    private Poolkeeper() {
    }

    /** The logback appender for a {@code POOLKEEPER_LOG_FORMAT} value: {@code JSON} in any case, else text. */
    static String logAppender(String format) {
        return "json".equalsIgnoreCase(format.trim()) ? "JSON" : "TEXT";
    }

    private static final String SANDBOX_ENABLED = "poolkeeper.providers.sandbox.enabled";
    private static final String SECRETS_KEYS = "poolkeeper.secrets.keys";
    private static final String EVENTS_ALLOW_LOOPBACK = "poolkeeper.events.allow-loopback";

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        EmbeddedMariaDb embedded = null;
        if (isBlank(System.getenv("DATASOURCES_DEFAULT_URL")) && isBlank(System.getProperty("datasources.default.url"))) {
            Path dataDir = Path.of(envOr("POOLKEEPER_DATA_DIR", "./var"));
            LOG.info("no DATASOURCES_DEFAULT_URL: starting the embedded MariaDB in {}", dataDir.toAbsolutePath());
            embedded = EmbeddedMariaDb.start(dataDir.resolve("mariadb"));
            embedded.createDatabase("poolkeeper");
            properties.put("datasources.default.url", embedded.jdbcUrl("poolkeeper"));
            properties.put("datasources.default.username", embedded.username());
            properties.put("datasources.default.password", embedded.password());
            properties.put(DevelopmentAccount.ENABLED, true);
            if (isBlank(System.getenv("POOLKEEPER_SECRETS_KEYS")) && isBlank(System.getProperty(SECRETS_KEYS))) {
                properties.put(SECRETS_KEYS, LocalSecretKey.readOrCreate(dataDir.resolve("secrets.key")));
            }
            if (isBlank(System.getenv("POOLKEEPER_EVENTS_ALLOW_LOOPBACK"))
                    && isBlank(System.getProperty(EVENTS_ALLOW_LOOPBACK))) {
                properties.put(EVENTS_ALLOW_LOOPBACK, true); // local development: endpoints on this machine
            }
            if (isBlank(System.getenv("POOLKEEPER_PROVIDERS_SANDBOX_ENABLED"))
                    && isBlank(System.getProperty(SANDBOX_ENABLED))) {
                properties.put(SANDBOX_ENABLED, true);
            }
        }
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Poolkeeper.class)
                .properties(properties)
                .start();
        EmbeddedMariaDb database = embedded;
        if (database != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterContext(context, database),
                    "poolkeeper-embedded-database-stop"));
        }
    }

    /**
     * Micronaut's own shutdown hook stops the server and the context; closing the context here as well
     * deadlocks the two hooks (each holds a lock the other needs). So this hook only waits for the
     * context to stop, then stops the embedded database.
     */
    private static void stopAfterContext(ApplicationContext context, EmbeddedMariaDb database) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        database.close();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
