package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.domain.number.PhoneNumber;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world the sandbox provider talks to, inside this instance: its pools (in memory, so a restart
 * empties them and the next reconcile repairs the drift), and the callbacks it posts back to this
 * instance's own webhook routes, signed like a real provider's with the instance's sandbox secret
 * ({@code Sandbox-Signature: t=<epoch seconds>,v1=<hex HMAC-SHA256 of "t.body">}). A callback that
 * cannot be delivered is retried (1, 2, 4, 8 s), as providers do.
 */
@Singleton
public final class SandboxNetwork {
    static final String SIGNATURE_HEADER = "Sandbox-Signature";
    /** A provider pool that exists in the sandbox from the start, so that an import can be tried. */
    static final String DEMO_POOL = "sbx-demo";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxNetwork.class);
    private static final int ATTEMPTS = 5;

    private final boolean enabled;
    private final byte[] secret;
    private final Duration delay;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-callbacks");
        t.setDaemon(true);
        return t;
    });
    private volatile URI callbacks;
    final Map<String, RemotePool> pools = new ConcurrentHashMap<>();
    private final Set<String> conversations = ConcurrentHashMap.newKeySet();

    /** A pool as the sandbox holds it. */
    record RemotePool(String name, Map<String, Object> settings, Set<PhoneNumber> numbers) {
    }

    SandboxNetwork(@Value("${poolkeeper.providers.sandbox.enabled:false}") boolean enabled,
                   @Value("${poolkeeper.providers.sandbox.secret:}") String secret,
                   @Value("${poolkeeper.providers.sandbox.receipt-delay:PT1S}") Duration delay,
                   JsonMapper json, Clock clock) {
        this.enabled = enabled;
        this.secret = secret.isBlank() ? randomSecret() : secret.getBytes(StandardCharsets.UTF_8);
        this.delay = delay;
        this.json = json;
        this.clock = clock;
        if (enabled) {
            Map<String, Object> settings = new LinkedHashMap<>(SandboxDialect.DEFAULTS);
            pools.put(DEMO_POOL, new RemotePool("Sandbox demo pool", settings, ConcurrentHashMap.newKeySet()));
            pools.get(DEMO_POOL).numbers().addAll(List.of(PhoneNumber.parse("+14155550170"),
                    PhoneNumber.parse("+14155550171"), PhoneNumber.parse("+14155550172")));
        }
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Where this instance serves its webhooks: known once its server has started. */
    public void callbacksTo(URI base) {
        this.callbacks = base;
    }

    /** True the first time a sender writes to a recipient on this instance. */
    boolean firstExchange(String from, String to) {
        return conversations.add(from + ">" + to);
    }

    Duration delay() {
        return delay;
    }

    /** The signature of a callback body sent at {@code epochSeconds}. */
    String sign(String epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Posts {@code payload} to this instance's {@code route} ({@code delivery-receipts} or {@code inbound}) later. */
    void callBack(String route, Map<String, Object> payload, Duration after) {
        scheduler.schedule(() -> post(route, payload, 1), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(String route, Map<String, Object> payload, int attempt) {
        boolean delivered = false;
        URI base = callbacks;
        if (base != null) {
            try {
                String body = json.writeValueAsString(payload);
                String t = Long.toString(clock.instant().getEpochSecond());
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve("/v1/webhooks/sandbox/" + route))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + sign(t, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                delivered = answer.statusCode() / 100 == 2;
                if (!delivered) {
                    LOG.warn("sandbox callback {} answered HTTP {} (attempt {})", route, answer.statusCode(), attempt);
                }
            } catch (IOException e) {
                LOG.warn("sandbox callback {} failed (attempt {}): {}", route, attempt, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!delivered && attempt < ATTEMPTS) {
            scheduler.schedule(() -> post(route, payload, attempt + 1), 1L << (attempt - 1), TimeUnit.SECONDS);
        } else if (!delivered) {
            LOG.warn("sandbox callback {} given up after {} attempts", route, ATTEMPTS);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
