package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 under a send load, as an operator's worst day has it: concurrent clients send messages with
 * Idempotency-Keys through Telnyx (simulated), the service's JVM — or, separately, its embedded database
 * server — is killed with SIGKILL, the service is started again on the same data folder, and every client
 * retries every key it tried, after the reservation age limit. Then: the service came up by itself, every
 * acknowledged message is found under its key, no message reached the provider twice, and none is left
 * {@code queued} where no receipt could reach it.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 6;
    private static final String[] NUMBERS = {"+14155550171", "+14155550172", "+14155550173"};

    private static WireMockServer telnyx;

    @BeforeAll
    static void provider() {
        telnyx = new WireMockServer(options().dynamicPort());
        telnyx.start();
        telnyx.stubFor(post(urlEqualTo("/v2/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(40)
                .withBody("{\"data\":{\"record_type\":\"message\",\"id\":\"{{randomValue type='UUID'}}\"}}")
                .withTransformers("response-template")));
    }

    @AfterAll
    static void stop() {
        telnyx.stop();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("POOLKEEPER_PROVIDERS_TELNYX_BASE_URL", telnyx.baseUrl());
        env.put("POOLKEEPER_PROVIDERS_TELNYX_API_KEY", "telnyx-key");
        env.put("POOLKEEPER_PROVIDERS_CONNECT_TIMEOUT", "PT1S");
        env.put("POOLKEEPER_PROVIDERS_REQUEST_TIMEOUT", "PT2S");
        env.put("POOLKEEPER_SEND_BUDGET_LONG_CODE", "1000");
        env.put("POOLKEEPER_RATE_LIMIT_PER_MINUTE", "100000");
        env.put("POOLKEEPER_IDEMPOTENCY_ABANDONED_AFTER", "PT1S");
        env.put("POOLKEEPER_SENDING_INTERRUPTED_AFTER", "PT1S"); // raised to 2 x (connect + request) = 6 s
        env.put("POOLKEEPER_SENDING_RECOVERY_INTERVAL", "1s");
        return env;
    }

    @Test
    void killingTheServiceUnderLoadLosesNoAcknowledgedMessageAndSendsNoneTwice() throws Exception {
        crashUnderLoad("service", ServiceProcess::kill);
    }

    @Test
    void killingTheEmbeddedDatabaseUnderLoadLosesNoAcknowledgedMessageAndSendsNoneTwice() throws Exception {
        crashUnderLoad("database", service -> {
            service.killDatabase();
            ServiceProcess.sleep(500); // clients meet the dead database
            service.kill();
        });
    }

    private interface Crash {
        void on(ServiceProcess service);
    }

    /** What a client knows of one key: the message id of its 202, or nothing (no answer, or a refusal). */
    private record Attempted(String key, String text, Optional<String> acknowledged) {
    }

    private void crashUnderLoad(String name, Crash crash) throws Exception {
        telnyx.resetRequests();
        Path dataDir = Path.of("target", "crash-" + name + "-" + System.nanoTime()).toAbsolutePath();
        String pool;
        Map<String, Attempted> attempted = new ConcurrentHashMap<>();
        try (ServiceProcess first = ServiceProcess.start(dataDir, environment())) {
            pool = poolOfTelnyxNumbers(first.api());
            AtomicBoolean crashed = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = 0; !crashed.get(); i++) { // the request in flight at the crash is the last
                        String key = name + "-" + client + "-" + i;
                        String text = "crash test " + key;
                        Optional<String> id = send(first.base(), pool, key, text);
                        attempted.put(key, new Attempted(key, text, id));
                        id.ifPresent(x -> acknowledged.incrementAndGet());
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.get() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            crashed.set(true);
            crash.on(first);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertTrue(acknowledged.get() >= 40, "load before the crash: " + acknowledged.get());
        }

        long acknowledgedBefore = attempted.values().stream().filter(a -> a.acknowledged().isPresent()).count();
        try (ServiceProcess again = ServiceProcess.start(dataDir, environment())) {
            Thread.sleep(1_500); // past the reservation age limit
            Api api = again.api();
            for (Attempted a : attempted.values()) {
                Optional<String> retried = send(again.base(), pool, a.key(), a.text());
                assertTrue(retried.isPresent(), "a retry of " + a.key() + " is answered 202");
                a.acknowledged().ifPresent(id -> assertEquals(id, retried.get(),
                        "the key of an acknowledged message leads back to it: " + a.key()));
                attempted.put(a.key(), new Attempted(a.key(), a.text(), retried));
            }
            Map<String, Integer> sends = new HashMap<>();
            for (LoggedRequest r : telnyx.findAll(postRequestedFor(urlEqualTo("/v2/messages")))) {
                sends.merge(JSON.readTree(r.getBodyAsString()).get("text").asText(), 1, Integer::sum);
            }
            for (Attempted a : attempted.values()) {
                int times = sends.getOrDefault(a.text(), 0);
                assertTrue(times <= 1, a.key() + " reached the provider " + times + " times");
            }
            SyncStatus.until(() -> attempted.values().stream().noneMatch(a -> strandedInQueue(api, a)), 60);
            assertEquals(List.of(), attempted.values().stream().filter(a -> strandedInQueue(api, a))
                    .map(Attempted::key).toList(), "messages left queued where no receipt can reach them");
            long awaiting = attempted.values().stream().filter(a -> api.get("/v1/messages/"
                    + a.acknowledged().orElseThrow()).json().get("needs_reconciliation").asBoolean()).count();
            System.out.printf("crash of the %s: %d keys tried, %d acknowledged before the crash, %d messages await"
                    + " a receipt after recovery, %d sends at the provider%n", name, attempted.size(), acknowledgedBefore,
                    awaiting, sends.values().stream().mapToInt(Integer::intValue).sum());
            // the restarted dispatchers send what waited: every acknowledged message ends sent exactly once, or
            // awaits the receipt of a send a crash interrupted; none reaches the provider twice
            SyncStatus.until(() -> attempted.values().stream().noneMatch(a -> inFlight(api, a)), 60);
            Map<String, Integer> finalSends = new HashMap<>();
            for (LoggedRequest r : telnyx.findAll(postRequestedFor(urlEqualTo("/v2/messages")))) {
                finalSends.merge(JSON.readTree(r.getBodyAsString()).get("text").asText(), 1, Integer::sum);
            }
            for (Attempted a : attempted.values()) {
                JsonNode m = api.get("/v1/messages/" + a.acknowledged().orElseThrow()).json();
                int times = finalSends.getOrDefault(a.text(), 0);
                assertTrue(times <= 1, a.key() + " reached the provider " + times + " times");
                String status = m.get("status").asText();
                boolean awaitsReceipt = m.get("needs_reconciliation").asBoolean();
                assertTrue(status.equals("sent") ? times == 1 : awaitsReceipt,
                        a.key() + " is sent exactly once, or awaits the receipt of an interrupted send: " + m);
            }
        }
    }

    /** Waiting or being sent: the dispatchers are not done with it yet. */
    private static boolean inFlight(Api api, Attempted a) {
        JsonNode m = api.get("/v1/messages/" + a.acknowledged().orElseThrow()).json();
        String status = m.get("status").asText();
        return status.equals("queued") || (status.equals("sending") && !m.get("needs_reconciliation").asBoolean());
    }

    /** Still {@code queued} without waiting for a receipt: where nothing would ever move it on. */
    private static boolean strandedInQueue(Api api, Attempted a) {
        JsonNode m = api.get("/v1/messages/" + a.acknowledged().orElseThrow()).json();
        return m.get("status").asText().equals("queued") && !m.get("needs_reconciliation").asBoolean();
    }

    private static String poolOfTelnyxNumbers(Api api) {
        Api.Response created = api.post("/v1/pools", Api.pool("crash"));
        assertEquals(201, created.status(), created.body());
        String pool = created.json().get("id").asText();
        List<String> items = new ArrayList<>();
        for (String n : NUMBERS) {
            items.add("{\"number\":\"" + n + "\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\"}");
        }
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(items.toArray(String[]::new)));
        assertEquals(200, added.status(), added.body());
        return pool;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One send with its key; the message id of a 202, or empty for anything else (no answer included). */
    private static Optional<String> send(URI base, String pool, String key, String text) {
        String body = "{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550199\",\"text\":\"" + text + "\"}";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/messages"))
                    .timeout(Duration.ofSeconds(20)).header("X-API-Key", ServiceProcess.DEV_KEY)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 202 ? Optional.of(JSON.readTree(r.body()).get("id").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
