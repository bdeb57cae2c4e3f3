package dev.poolkeeper.application.idempotency;

import java.util.Map;

/** The first response to an idempotent request, replayed as it was to every retry. */
public record StoredResponse(int status, String body, Map<String, String> headers) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
