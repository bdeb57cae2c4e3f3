package dev.poolkeeper.adapters.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded server keeps its data and comes up after any crash: a data folder under the JVM's temp
 * directory survives the JVM's end (shutdown hooks) and the next start, a server left running by a killed JVM is stopped by the next start, and
 * the watchdog stops the server when its JVM is killed with SIGKILL.
 */
class EmbeddedMariaDbTest {

    @Test
    void aServerLeftRunningOnTheDataFolderIsStoppedAndTheNextStartComesUp() throws Exception {
        Path base = Path.of("target", "embedded-left-over").toAbsolutePath();
        EmbeddedMariaDb abandoned = EmbeddedMariaDb.start(base);
        abandoned.createDatabase("kept");
        execute(abandoned, "CREATE TABLE IF NOT EXISTS t (v INT)", "DELETE FROM t", "INSERT INTO t VALUES (7)");
        long abandonedPid = abandoned.serverPid().orElseThrow();
        // the first server is never closed, as when its JVM was killed
        try (EmbeddedMariaDb next = EmbeddedMariaDb.start(base)) {
            assertFalse(ProcessHandle.of(abandonedPid).map(ProcessHandle::isAlive).orElse(false),
                    "the left-over server was stopped");
            assertEquals(7, single(next, "SELECT v FROM t"));
        }
    }

    @Test
    void whenItsJvmIsKilledTheServerStopsToo() throws Exception {
        Path base = Path.of("target", "embedded-watchdog").toAbsolutePath();
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartAndWait.class.getName(), base.toString()))
                .redirectErrorStream(true).start();
        long serverPid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("SERVER ")) {
                    serverPid = Long.parseLong(line.substring(7).trim());
                    break;
                }
            }
            assertTrue(serverPid > 0, "the child started a server");
            ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor(30, TimeUnit.SECONDS);
            server.onExit().get(60, TimeUnit.SECONDS);
            assertFalse(server.isAlive(), "the server did not outlive its JVM");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aDataFolderUnderTheTempDirectoryKeepsItsDataWhenItsJvmEndsAndAtTheNextStart() throws Exception {
        Path base = Files.createTempDirectory("poolkeeper-exit-");
        try {
            Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WriteAndExit.class.getName(), base.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the child finished");
            assertEquals(0, child.exitValue());
            try (EmbeddedMariaDb again = EmbeddedMariaDb.start(base)) {
                assertEquals(42, single(again, "SELECT v FROM t"), "shutdown hooks left the data where it was");
            }
        } finally {
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A JVM that writes a row and ends normally, running every shutdown hook. */
    public static final class WriteAndExit {
        public static void main(String[] args) throws Exception {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(args[0]));
            db.createDatabase("kept");
            execute(db, "CREATE TABLE t (v INT)", "INSERT INTO t VALUES (42)");
            System.exit(0);
        }
    }

    /** A JVM that starts the embedded server, says its pid and waits to be killed. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(args[0]));
            System.out.println("SERVER " + db.serverPid().orElseThrow());
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    private static void execute(EmbeddedMariaDb db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("kept"), db.username(), db.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static int single(EmbeddedMariaDb db, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("kept"), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
