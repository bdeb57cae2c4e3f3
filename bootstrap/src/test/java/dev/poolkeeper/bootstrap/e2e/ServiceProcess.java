package dev.poolkeeper.bootstrap.e2e;

import dev.poolkeeper.bootstrap.Poolkeeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: its own JVM ({@link Poolkeeper#main}) on the embedded database in a
 * data folder, so that a test can kill it, or its database server, with SIGKILL and start it again on the
 * same folder.
 */
final class ServiceProcess implements AutoCloseable {
    static final String DEV_KEY = "dev-key-for-crash-tests-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path dataDir;
    private final int port;

    private ServiceProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts the service on {@code dataDir} with these environment variables, and waits until it is ready. */
    static ServiceProcess start(Path dataDir, Map<String, String> environment) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Poolkeeper.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("POOLKEEPER_") || k.startsWith("DATASOURCES_")
                || k.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        builder.environment().put("POOLKEEPER_DATA_DIR", dataDir.toString());
        builder.environment().put("POOLKEEPER_DEV_API_KEY", DEV_KEY);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(dataDir);
            ServiceProcess service = new ServiceProcess(builder.start(), dataDir, port);
            service.awaitReady(Duration.ofMinutes(3));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("service.log"));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(base().resolve("/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the service was not ready within " + within + "; see "
                + dataDir.resolve("service.log"));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Api api() {
        return new Api(base(), DEV_KEY);
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the embedded database server alone; the service stays up without it. */
    void killDatabase() {
        databasePid().flatMap(ProcessHandle::of).ifPresent(db -> {
            db.destroyForcibly();
            db.onExit().join();
        });
    }

    Optional<Long> databasePid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(dataDir.resolve("mariadb").resolve("mariadbd.pid"),
                    StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
