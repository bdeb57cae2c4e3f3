package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.application.idempotency.IdempotentOutcome;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for the creating POSTs ({@link RunIdempotentlyUseCase} says what it guarantees):
 * the first successful (2xx) response is replayed, byte for byte, to a retry with the same key and body
 * for 24 h. A pool or numbers commit in one transaction with their stored response; a message is bound to
 * its key in its own row (the controller passes the key to the use case).
 */
@Singleton
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    /** What the header does, for the API document. */
    public static final String DESCRIPTION =
            "makes a retry return the first answer instead of creating again (1-255 characters)";

    private final RunIdempotentlyUseCase run;
    private final JsonMapper json;

    public Idempotency(RunIdempotentlyUseCase run, JsonMapper json) {
        this.run = run;
        this.json = json;
    }

    /** The request's key, checked: 1 to 255 characters. */
    public static Optional<String> key(HttpRequest<?> request) {
        String key = request.getHeaders().get(HEADER);
        if (key != null && !IdempotentRequest.isWellFormedKey(key)) {
            throw new DomainException(ErrorCode.REQUEST_INVALID,
                    HEADER + " must be 1-" + IdempotentRequest.MAX_KEY_LENGTH + " characters");
        }
        return Optional.ofNullable(key);
    }

    /** A create whose writes commit in one transaction. */
    public MutableHttpResponse<?> execute(HttpRequest<?> request, String rawBody, Supplier<Reply> action) {
        return execute(request, rawBody, RunIdempotentlyUseCase.Binding.SAME_TRANSACTION, action);
    }

    public MutableHttpResponse<?> execute(HttpRequest<?> request, String rawBody, RunIdempotentlyUseCase.Binding binding,
                                          Supplier<Reply> action) {
        Optional<String> key = key(request);
        if (key.isEmpty()) {
            return write(action.get());
        }
        IdempotentRequest idempotent = new IdempotentRequest(Callers.of(request).accountId(), key.get(),
                ApiKeySecret.hash(request.getMethodName() + " " + request.getPath() + "\n"
                        + (rawBody == null ? "" : rawBody)));
        IdempotentOutcome outcome = run.run(idempotent, binding, () -> stored(action.get()));
        return replay(outcome.response(), outcome.replayed());
    }

    private StoredResponse stored(Reply response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(HttpHeaders.CONTENT_TYPE, response.contentType().toString());
        return new StoredResponse(response.status().getCode(), serialize(response.body()), headers);
    }

    private MutableHttpResponse<?> replay(StoredResponse stored, boolean replayed) {
        Map<String, String> headers = new LinkedHashMap<>(stored.headers());
        String contentType = headers.remove(HttpHeaders.CONTENT_TYPE);
        MutableHttpResponse<?> response = raw(HttpStatus.valueOf(stored.status()), stored.body(),
                contentType == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.of(contentType), headers);
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response;
    }
    public MutableHttpResponse<?> write(Reply response) {
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
