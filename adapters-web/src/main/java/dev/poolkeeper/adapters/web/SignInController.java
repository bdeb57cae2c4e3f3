package dev.poolkeeper.adapters.web;

import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import dev.poolkeeper.domain.shared.RetryLaterException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Signing in with an API key, and out. */
@Controller(ConsolePaths.ROOT)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SignInController {
    private final ConsoleSessionsUseCase sessions;

    SignInController(ConsoleSessionsUseCase sessions) {
        this.sessions = sessions;
    }

    @Get
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create(ConsolePaths.POOLS));
    }

    @Get("/sign-in")
    ModelAndView<Map<String, Object>> page() {
        return signIn("");
    }

    private static ModelAndView<Map<String, Object>> signIn(String error) {
        return new ModelAndView<>("signin", Map.of("error", error));
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        Optional<ConsoleSessionsUseCase.SignedIn> signedIn;
        try {
            signedIn = sessions.signIn(form.get("api_key"), clientAddress(request));
        } catch (RetryLaterException e) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                    .body(signIn("Too many attempts from this address: try again in a minute."));
        }
        if (signedIn.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(signIn("That API key is unknown or revoked."));
        }
        Duration maxAge = Duration.between(Instant.now(), signedIn.get().expiresAt());
        return HttpResponse.seeOther(URI.create(ConsolePaths.POOLS))
                .cookie(cookie(request, signedIn.get().token(), maxAge));
    }

    @Post("/sign-out")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.ALL})
    HttpResponse<?> signOut(HttpRequest<?> request) {
        request.getCookies().findCookie(ConsoleSecurityFilter.COOKIE).map(Cookie::getValue)
                .ifPresent(sessions::signOut);
        MutableHttpResponse<?> response = ConsoleRequests.htmx(request)
                ? HttpResponse.noContent().header("HX-Redirect", ConsolePaths.SIGN_IN)
                : HttpResponse.seeOther(URI.create(ConsolePaths.SIGN_IN));
        return response.cookie(cookie(request, "", Duration.ZERO));
    }

    /**
     * HttpOnly, SameSite=Strict, for the console's paths only, and Secure unless the console is reached over
     * plain http on a loopback address (a developer's machine), where a browser would not send it back.
     */
    static Cookie cookie(HttpRequest<?> request, String value, Duration maxAge) {
        return Cookie.of(ConsoleSecurityFilter.COOKIE, value).path(ConsolePaths.ROOT).httpOnly(true)
                .sameSite(SameSite.Strict).secure(!plainLoopback(request)).maxAge(maxAge);
    }

    private static boolean plainLoopback(HttpRequest<?> request) {
        if (request.isSecure()) {
            return false;
        }
        String host = Optional.ofNullable(request.getHeaders().get(HttpHeaders.HOST)).orElse("");
        String name = host.startsWith("[") ? host.substring(1, Math.max(1, host.indexOf(']')))
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    private static String clientAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address == null ? "unknown" : address.getHostAddress();
    }
}
