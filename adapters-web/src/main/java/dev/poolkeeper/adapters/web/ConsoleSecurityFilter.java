package dev.poolkeeper.adapters.web;

import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Everything under {@code /console}: a page needs a live session (else the sign-in page); a request that
 * changes something must come from the console's own origin and carry the session's CSRF token in
 * {@code X-CSRF-Token}; every answer carries a strict Content-Security-Policy and is not cached.
 */
@ServerFilter("/console/**")
public final class ConsoleSecurityFilter {
    static final String COOKIE = "poolkeeper_console";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Only the console's own files: no inline script or style, no other origin, no framing. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> OPEN = Set.of(ConsolePaths.SIGN_IN);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ConsoleSessionsUseCase sessions;

    public ConsoleSecurityFilter(ConsoleSessionsUseCase sessions) {
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith(ConsolePaths.STATIC)) {
            return null;
        }
        boolean changes = !SAFE.contains(request.getMethod());
        if (changes && !sameOrigin(request)) {
            return refuse(HttpStatus.FORBIDDEN, "This request did not come from the console's own pages.");
        }
        if (OPEN.contains(path)) {
            return null;
        }
        Optional<ConsoleSessionsUseCase.Session> session = request.getCookies().findCookie(COOKIE)
                .map(Cookie::getValue).flatMap(sessions::resume);
        if (session.isEmpty()) {
            if (ConsoleRequests.htmx(request)) {
                return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", ConsolePaths.SIGN_IN);
            }
            return HttpResponse.seeOther(URI.create(ConsolePaths.SIGN_IN));
        }
        if (changes && !csrfMatches(request, session.get().csrfToken())) {
            return refuse(HttpStatus.FORBIDDEN, "This request did not carry the page's CSRF token: reload the page.");
        }
        ConsoleRequests.remember(request, session.get());
        return null;
    }

    @ResponseFilter
    public void secureHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean csrfMatches(HttpRequest<?> request, String expected) {
        String given = request.getHeaders().get(CSRF_HEADER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request's {@code Origin} (or, without one, its {@code Referer}'s origin) is the console's own:
     * the scheme, host and port the browser used to reach it.
     */
    static boolean sameOrigin(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = Optional.ofNullable(request.getHeaders().get(HttpHeaders.REFERER)).map(ConsoleSecurityFilter::originOf)
                    .orElse(null);
        }
        if (origin == null) {
            return false;
        }
        return origin.equals("http://" + host) || origin.equals("https://" + host);
    }

    private static @Nullable String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MutableHttpResponse<String> refuse(HttpStatus status, String why) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_PLAIN_TYPE).body(why);
    }
}
