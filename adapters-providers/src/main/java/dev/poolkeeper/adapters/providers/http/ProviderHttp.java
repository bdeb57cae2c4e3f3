package dev.poolkeeper.adapters.providers.http;

import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One HTTP exchange with a provider, and the classification every vendor shares: a refused or timed-out
 * connection, 429 and 5xx mean nothing was accepted ({@link SendResult.NotSent}); no whole answer after the
 * request went out means the provider may have the message ({@link SendResult.Unknown}). What a 2xx or
 * another 4xx means is the vendor's to say; a 2xx the vendor cannot read (its reader fails, or it finds
 * no documented shape) may mean accepted, so it is {@link SendResult.Unknown}.
 *
 * <p>Every exchange is bounded as a whole, body included: the connect timeout, then the request timeout
 * for the answer's headers and body (a provider that sends headers and then stalls is cut off), and a
 * body larger than {@link #MAX_BODY_BYTES} is not read.
 */
@Singleton
public final class ProviderHttp {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    /** Provider answers are small JSON documents; a page of 100 numbers is a few kilobytes. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration wholeExchange;
    private final JsonMapper json;

    public ProviderHttp(@Value("${poolkeeper.providers.connect-timeout:PT2S}") Duration connectTimeout,
                        @Value("${poolkeeper.providers.request-timeout:PT10S}") Duration requestTimeout,
                        JsonMapper json) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
        this.wholeExchange = connectTimeout.plus(requestTimeout);
        this.json = json;
    }

    /** A provider's answer: status, body, and the body read as a JSON object (empty when it is not one). */
    public record Answer(int status, String body, Map<String, Object> object) {
        public String string(String field) {
            Object value = object.get(field);
            return value == null ? null : String.valueOf(value);
        }
    }

    public SendResult exchange(HttpRequest.Builder request, Function<Answer, SendResult> onAnswer) {
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return SendResult.NotSent.neverLeft(ErrorCode.PROVIDER_UNAVAILABLE.code(), "could not connect: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(),
                    "no whole answer in time; the provider may have the message");
        } catch (IOException e) {
            return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(),
                    "the connection failed after the request went out (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(), "interrupted while waiting");
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            String retryAfter = response.headers().firstValue("Retry-After").map(v -> ", Retry-After " + v).orElse("");
            return new SendResult.NotSent(ErrorCode.PROVIDER_UNAVAILABLE.code(), "HTTP " + status + retryAfter);
        }
        Answer answer = new Answer(status, response.body(), read(response.body()));
        SendResult result;
        try {
            result = onAnswer.apply(answer);
        } catch (RuntimeException e) {
            result = status / 100 == 2 ? unreadable(status) : new SendResult.Refused(
                    ErrorCode.PROVIDER_REJECTED.code(), "HTTP " + status + " in a shape that could not be read");
        }
        return result;
    }

    /**
     * A 2xx the vendor cannot read (not its documented shape): it may mean accepted, so the message is never
     * sent again, nor marked rejected.
     */
    public static SendResult.Unknown unreadable(int status) {
        return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(), "HTTP " + status
                + " in a shape that could not be read; the provider may have the message");
    }

    /**
     * One exchange for a slice with its own failure vocabulary: the whole answer within the timeouts, or the
     * transport's exception as it came.
     */
    public HttpResponse<String> fetch(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request);
    }

    /** How long the answer asks the caller to wait: {@code Retry-After} in seconds, when it says. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(ProviderHttp::seconds);
    }

    /**
     * Sends and reads the whole answer within the connect and request timeouts; a body over
     * {@link #MAX_BODY_BYTES} fails the exchange.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request.timeout(requestTimeout).build(),
                info -> BoundedBody.of(MAX_BODY_BYTES));
        try {
            return future.get(wholeExchange.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + wholeExchange.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /**
     * One management call for a sync: the answer, or a {@link ProviderSyncException} — retryable for
     * transport failures, 429 (with {@code Retry-After}, or the rate-limit reset header) and 5xx.
     */
    public Answer call(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (IOException e) {
            throw new ProviderSyncException(ProviderFailure.NO_ANSWER, ErrorCode.PROVIDER_UNAVAILABLE.code(),
                    "no answer (" + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderSyncException(ProviderFailure.NO_ANSWER, ErrorCode.PROVIDER_UNAVAILABLE.code(),
                    "interrupted", Optional.empty());
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            Optional<Duration> wait = response.headers().firstValue("Retry-After")
                    .or(() -> response.headers().firstValue("x-ratelimit-reset"))
                    .flatMap(ProviderHttp::seconds);
            throw new ProviderSyncException(ProviderFailure.ofStatus(status), ErrorCode.PROVIDER_UNAVAILABLE.code(),
                    "HTTP " + status, wait);
        }
        return new Answer(status, response.body(), read(response.body()));
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    private Map<String, Object> read(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = json.readValue(body, OBJECT);
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** {@code https://host/} and {@code /path} joined with one slash. */
    public static String join(String base, String path) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
