package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A query parameter the endpoint does not take is refused (400, naming it and the ones the endpoint takes),
 * as an unknown body field is: a typo ({@code ?page_sise=10}, {@code ?stauts=active}) must not be silently
 * ignored and answer as if no filter had been asked for. The parameters an endpoint takes are its
 * controller method's {@code @QueryValue} arguments. Provider webhooks are left alone: providers add what
 * they add.
 */
@ServerFilter("/v1/**")
public final class QueryParameterFilter {

    @RequestFilter
    public @Nullable HttpResponse<?> refuseUnknown(HttpRequest<?> request) {
        Set<String> given = request.getParameters().names();
        if (given.isEmpty() || request.getPath().startsWith("/v1/webhooks/")) {
            return null;
        }
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
        if (route.isEmpty() || !(route.get() instanceof MethodBasedRouteInfo<?, ?> method)) {
            return null;
        }
        Set<String> taken = new TreeSet<>();
        for (Argument<?> argument : method.getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                taken.add(argument.getAnnotationMetadata().stringValue(QueryValue.class).orElse(argument.getName()));
            }
        }
        List<String> unknown = given.stream().filter(name -> !taken.contains(name)).sorted().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        String takes = taken.isEmpty() ? "this endpoint takes no query parameters"
                : "this endpoint takes " + String.join(", ", taken);
        List<FieldViolation> violations = unknown.stream()
                .map(name -> FieldViolation.invalid(safe(name), "is not a query parameter of this endpoint; " + takes))
                .toList();
        return ProblemResponses.of(new DomainException(ErrorCode.REQUEST_INVALID, "unknown query parameter "
                + safe(unknown.get(0)) + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more)" : "")
                + "; " + takes, violations));
    }

    /** A name as the client sent it, cut short and without control characters, to be shown back. */
    private static String safe(String name) {
        String shown = name.length() > 50 ? name.substring(0, 50) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
