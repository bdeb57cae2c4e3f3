package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.application.port.in.account.Caller;
import io.micronaut.http.HttpRequest;

/** The caller the API-key filter authenticated, carried as a request attribute. */
public final class Callers {
    public static final String ATTRIBUTE = "poolkeeper.caller";

    private Callers() {
    }

    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller on " + request.getPath()));
    }
}
