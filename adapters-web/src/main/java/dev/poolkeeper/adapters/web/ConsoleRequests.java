package dev.poolkeeper.adapters.web;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import io.micronaut.http.HttpRequest;

/** The session the security filter found for a request, carried as a request attribute. */
final class ConsoleRequests {
    private static final String ATTRIBUTE = "poolkeeper.console.session";

    private ConsoleRequests() {
    }

    static void remember(HttpRequest<?> request, ConsoleSessionsUseCase.Session session) {
        request.setAttribute(ATTRIBUTE, session);
    }

    static ConsoleSessionsUseCase.Session session(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ConsoleSessionsUseCase.Session.class)
                .orElseThrow(() -> new IllegalStateException("no console session on " + request.getPath()));
    }

    static Caller caller(HttpRequest<?> request) {
        return session(request).caller();
    }

    /** Whether htmx asked for a part of a page rather than a whole one. */
    static boolean partial(HttpRequest<?> request) {
        return request.getHeaders().contains("HX-Request") && !request.getHeaders().contains("HX-Boosted");
    }
}
