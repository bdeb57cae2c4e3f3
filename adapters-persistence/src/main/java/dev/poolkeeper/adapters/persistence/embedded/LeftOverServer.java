package dev.poolkeeper.adapters.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's process outside the JVM that started it: the one a crash left running on a data
 * folder, and the watchdog that stops the server when its JVM dies.
 */
final class LeftOverServer {
    private static final Logger LOG = LoggerFactory.getLogger(LeftOverServer.class);
    /** Long enough for InnoDB to flush and close after SIGTERM on a loaded machine. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private LeftOverServer() {
    }

    /** The process id in a pid file, if the file exists and holds one. */
    static Optional<Long> pid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops a MariaDB server still running on {@code dataDir} (found through its pid file), so that a new
     * one can take the folder's locks: SIGTERM, then SIGKILL after {@link #GRACE}. A pid that now belongs
     * to another program is left alone.
     */
    static void stopIfRunning(Path pidFile, Path dataDir) {
        Optional<ProcessHandle> process = pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> servesDataDir(p, dataDir));
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle server = process.get();
        LOG.warn("a MariaDB server (pid {}) is still running on {} from an earlier start that did not stop it;"
                + " stopping it before starting anew", server.pid(), dataDir);
        server.destroy();
        if (!exited(server, GRACE)) {
            LOG.warn("MariaDB server {} did not stop within {} s; killing it", server.pid(), GRACE.toSeconds());
            server.destroyForcibly();
            if (!exited(server, Duration.ofSeconds(10))) {
                throw new IllegalStateException("the MariaDB server " + server.pid() + " left running on " + dataDir
                        + " does not stop; stop it by hand or set POOLKEEPER_DATA_DIR to another folder");
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Whether a process is a MariaDB server started with this data directory. */
    static boolean servesDataDir(ProcessHandle process, Path dataDir) {
        String commandLine = commandLine(process.pid()).orElseGet(() -> process.info().commandLine().orElse(""));
        return (commandLine.contains("mariadbd") || commandLine.contains("mysqld"))
                && commandLine.contains("--datadir=" + dataDir);
    }

    private static Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A process that waits for the JVM to end and then stops the server, so that a JVM killed with SIGKILL
     * does not leave the server running. It stops only a process that still serves the data directory.
     * Where there is no {@code /bin/sh}, none is started and the next start stops the left-over server.
     */
    static Optional<Process> watchdog(long jvmPid, long serverPid, Path dataDir) {
        if (!Files.isExecutable(Path.of("/bin/sh")) || !Files.isDirectory(Path.of("/proc"))) {
            return Optional.empty();
        }
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "if grep -qF -- \"--datadir=$3\" /proc/\"$2\"/cmdline 2>/dev/null; then kill -TERM \"$2\"; fi";
        try {
            Process process = new ProcessBuilder(List.of("/bin/sh", "-c", script, "poolkeeper-mariadb-watchdog",
                    Long.toString(jvmPid), Long.toString(serverPid), dataDir.toString()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(process);
        } catch (IOException e) {
            LOG.debug("no watchdog for the embedded MariaDB: {}", e.toString());
            return Optional.empty();
        }
    }
}
