package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.application.idempotency.IdempotencyDecision;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.in.idempotency.AbandonIdempotentRequestUseCase;
import dev.poolkeeper.application.port.in.idempotency.BeginIdempotentRequestUseCase;
import dev.poolkeeper.application.port.in.idempotency.CompleteIdempotentRequestUseCase;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for the creating POSTs: the first successful (2xx) response is kept 24 h
 * and replayed, byte for byte, to a retry with the same key and body. A refusal is not kept: it
 * changed nothing, so a retry simply runs again.
 */
@Singleton
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    private final BeginIdempotentRequestUseCase begin;
    private final CompleteIdempotentRequestUseCase complete;
    private final AbandonIdempotentRequestUseCase abandon;
    private final JsonMapper json;

    public Idempotency(BeginIdempotentRequestUseCase begin, CompleteIdempotentRequestUseCase complete,
                       AbandonIdempotentRequestUseCase abandon, JsonMapper json) {
        this.begin = begin;
        this.complete = complete;
        this.abandon = abandon;
        this.json = json;
    }

    public MutableHttpResponse<?> execute(HttpRequest<?> request, String rawBody, Supplier<ApiResponse> action) {
        String key = request.getHeaders().get(HEADER);
        if (key == null) {
            return write(action.get());
        }
        IdempotentRequest idempotent;
        try {
            idempotent = new IdempotentRequest(Callers.of(request).accountId(), key,
                    ApiKeySecret.hash(request.getMethodName() + " " + request.getPath() + "\n"
                            + (rawBody == null ? "" : rawBody)));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.REQUEST_INVALID, HEADER + " " + e.getMessage());
        }
        IdempotencyDecision decision = begin.begin(idempotent);
        if (decision instanceof IdempotencyDecision.Replay replay) {
            return replay(replay.response());
        }
        ApiResponse response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            abandon.abandon(idempotent);
            throw e;
        }
        String body = serialize(response.body());
        if (response.status().getCode() >= 300) {
            abandon.abandon(idempotent);
        } else {
            Map<String, String> headers = new LinkedHashMap<>(response.headers());
            headers.put(HttpHeaders.CONTENT_TYPE, response.contentType().toString());
            complete.complete(idempotent, new StoredResponse(response.status().getCode(), body, headers));
        }
        return raw(response.status(), body, response.contentType(), response.headers());
    }

    private MutableHttpResponse<?> replay(StoredResponse stored) {
        Map<String, String> headers = new LinkedHashMap<>(stored.headers());
        String contentType = headers.remove(HttpHeaders.CONTENT_TYPE);
        MutableHttpResponse<?> response = raw(HttpStatus.valueOf(stored.status()), stored.body(),
                contentType == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.of(contentType), headers);
        response.header("Idempotent-Replayed", "true");
        return response;
    }

    public MutableHttpResponse<?> write(ApiResponse response) {
        MutableHttpResponse<Object> r = HttpResponse.status(response.status()).contentType(response.contentType());
        response.headers().forEach(r::header);
        return response.body() == null ? r : r.body(response.body());
    }

    private static MutableHttpResponse<?> raw(HttpStatus status, String body, MediaType type,
                                              Map<String, String> headers) {
        MutableHttpResponse<String> r = HttpResponse.<String>status(status).contentType(type).body(body);
        headers.forEach(r::header);
        return r;
    }

    private String serialize(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
