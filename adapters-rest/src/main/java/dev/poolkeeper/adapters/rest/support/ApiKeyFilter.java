package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.application.port.in.account.AuthenticateUseCase;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Every {@code /v1} request but the provider webhooks carries an API key ({@code X-API-Key} or
 * {@code Authorization: Bearer}). The key decides the account; the per-key rate limit applies and its
 * headers go on every response. {@code POST /v1/accounts} takes only the configured admin key.
 */
@ServerFilter("/v1/**")
public final class ApiKeyFilter {
    static final String RATE_ATTRIBUTE = "poolkeeper.rate";
    static final String ADMIN_ATTRIBUTE = "poolkeeper.admin";
    private static final String ACCOUNTS_PATH = "/v1/accounts";

    private final AuthenticateUseCase authenticate;
    private final RateLimiter limiter;
    private final byte[] adminKeyHash;

    public ApiKeyFilter(AuthenticateUseCase authenticate,
                        @Value("${poolkeeper.rate-limit.per-minute:600}") int perMinute,
                        @Value("${poolkeeper.admin-api-key:}") String adminKey) {
        this.authenticate = authenticate;
        this.limiter = new RateLimiter(perMinute, Clock.systemUTC());
        this.adminKeyHash = adminKey == null || adminKey.isBlank() ? null
                : ApiKeySecret.hash(adminKey).getBytes(StandardCharsets.US_ASCII);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> authenticate(HttpRequest<?> request) {
        // the thread may have served another caller last: its names must not label this request's lines
        MDC.remove("account_id");
        MDC.remove("key_id");
        String path = request.getPath();
        if (path.startsWith("/v1/webhooks/")) {
            return null;
        }
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            return ProblemResponses.of(ErrorCode.AUTH_MISSING_KEY,
                    "send your API key as X-API-Key or Authorization: Bearer");
        }
        if (path.equals(ACCOUNTS_PATH) && request.getMethod() == HttpMethod.POST) {
            return admin(request, presented.get());
        }
        Optional<Caller> caller = authenticate.authenticate(presented.get());
        if (caller.isEmpty()) {
            return ProblemResponses.of(ErrorCode.AUTH_INVALID_KEY, "the API key is unknown or revoked");
        }
        request.setAttribute(Callers.ATTRIBUTE, caller.get());
        MDC.put("account_id", caller.get().accountId().value());
        MDC.put("key_id", caller.get().keyId().value());
        return rateLimit(request, caller.get().keyId().value());
    }

    private @Nullable HttpResponse<?> admin(HttpRequest<?> request, String presented) {
        if (adminKeyHash == null || !MessageDigest.isEqual(adminKeyHash,
                ApiKeySecret.hash(presented).getBytes(StandardCharsets.US_ASCII))) {
            if (authenticate.authenticate(presented).isPresent()) {
                return ProblemResponses.of(ErrorCode.AUTH_FORBIDDEN, "only the admin key may create accounts");
            }
            return ProblemResponses.of(ErrorCode.AUTH_INVALID_KEY, "the API key is unknown or revoked");
        }
        request.setAttribute(ADMIN_ATTRIBUTE, Boolean.TRUE);
        return rateLimit(request, "admin");
    }

    private @Nullable HttpResponse<?> rateLimit(HttpRequest<?> request, String bucket) {
        RateLimiter.Decision decision = limiter.acquire(bucket);
        request.setAttribute(RATE_ATTRIBUTE, decision);
        if (!decision.allowed()) {
            MutableHttpResponse<Problem> response = ProblemResponses.of(ErrorCode.RATE_LIMITED,
                    "more than " + decision.limit() + " requests in a minute with this key; retry after "
                            + decision.resetSeconds() + " s");
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.resetSeconds()));
            addRateHeaders(response, decision);
            return response;
        }
        return null;
    }

    @ResponseFilter
    public void rateHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(RATE_ATTRIBUTE, RateLimiter.Decision.class)
                .ifPresent(decision -> addRateHeaders(response, decision));
        MDC.remove("account_id");
        MDC.remove("key_id");
    }

    private static void addRateHeaders(MutableHttpResponse<?> response, RateLimiter.Decision decision) {
        response.header("RateLimit-Limit", String.valueOf(decision.limit()));
        response.header("RateLimit-Remaining", String.valueOf(decision.remaining()));
        response.header("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
    }

    static Optional<String> presentedKey(HttpRequest<?> request) {
        String header = request.getHeaders().get("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }
        return Optional.empty();
    }
}
