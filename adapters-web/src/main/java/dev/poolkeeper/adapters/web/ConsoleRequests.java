package dev.poolkeeper.adapters.web;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Whether htmx made the request (it then follows {@code HX-Redirect} instead of a redirect status). */
    static boolean htmx(HttpRequest<?> request) {
        return request.getHeaders().contains("HX-Request");
    }

    /** A page's model, with the CSRF token its layout hands to htmx. */
    static Map<String, Object> model(HttpRequest<?> request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("csrf", session(request).csrfToken());
        return model;
    }

    /** The answer for a page of something the account does not have ({@code what}: "pool", "message", …). */
    static HttpResponse<String> notFound(String what) {
        return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("No such " + what + " in this account.");
    }
}
