package dev.poolkeeper.adapters.rest.support;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.Map;

/** What a controller answers before it is written: status, body object, content type and headers. */
public record Reply(HttpStatus status, Object body, MediaType contentType, Map<String, String> headers) {
    public static Reply json(HttpStatus status, Object body, Map<String, String> headers) {
        return new Reply(status, body, MediaType.APPLICATION_JSON_TYPE, headers);
    }
}
