package dev.poolkeeper.adapters.providers.events;

import dev.poolkeeper.application.port.out.event.EventSink;
import dev.poolkeeper.domain.event.AccountEvent;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs an event as JSON — {@code {"id","type","created_at","account_id","data"}} — with the headers
 * {@code Poolkeeper-Event-Id}, {@code Poolkeeper-Event-Type}, {@code Poolkeeper-Delivery-Id} and
 * {@code Poolkeeper-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} (one {@code v1} per
 * secret in force). Redirects are not followed; any 2xx is delivered, anything else (or no answer within the
 * timeouts) failed.
 */
@Singleton
public final class HttpEventSink implements EventSink {
    public static final String SIGNATURE = "Poolkeeper-Signature";

    private final HttpClient client;
    private final Duration timeout;
    private final JsonMapper json;
    private final AddressGuard guard;

    public HttpEventSink(@Value("${poolkeeper.events.connect-timeout:PT3S}") Duration connectTimeout,
                         @Value("${poolkeeper.events.request-timeout:PT10S}") Duration timeout, JsonMapper json,
                         AddressGuard guard) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.json = json;
        this.guard = guard;
    }

    /** The body of an event's delivery, as {@code GET /v1/events} shows the event. */
    public static Map<String, Object> body(AccountEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("type", event.type().wireName());
        body.put("created_at", event.createdAt().toString());
        body.put("account_id", event.accountId().value());
        body.put("data", event.data());
        return body;
    }

    /** The signature header for {@code body} sent at {@code at}, one {@code v1} per secret. */
    public static String signature(List<String> secrets, byte[] body, Instant at) {
        long t = at.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, t, body));
        }
        return header.toString();
    }

    static String hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public Result post(URI url, AccountEvent event, String deliveryId, List<String> secrets) {
        Optional<String> refusal = guard.refusal(url);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(body(event));
        } catch (IOException e) {
            throw new IllegalStateException("an event's data is plain JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Poolkeeper-Events/1")
                .header("Poolkeeper-Event-Id", event.id())
                .header("Poolkeeper-Event-Type", event.type().wireName())
                .header("Poolkeeper-Delivery-Id", deliveryId)
                .header(SIGNATURE, signature(secrets, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Delivered(status)
                    : new Failed(Optional.of(status), "the endpoint answered " + status);
        } catch (IOException e) {
            return new Failed(Optional.empty(), "no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(Optional.empty(), "interrupted");
        }
    }
}
