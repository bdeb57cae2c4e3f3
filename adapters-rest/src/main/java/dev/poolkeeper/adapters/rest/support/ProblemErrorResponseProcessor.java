package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Errors the framework answers itself (no route, wrong method, unsupported media type, a query
 * parameter that does not convert) in the same problem+json shape as ours.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public @NonNull MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                                 @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        ErrorCode code = switch (status) {
            case NOT_FOUND -> ErrorCode.ROUTE_NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case BAD_REQUEST, REQUEST_ENTITY_TOO_LARGE, NOT_ACCEPTABLE -> ErrorCode.REQUEST_INVALID;
            case SERVICE_UNAVAILABLE -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status.getCode() >= 500 ? ErrorCode.INTERNAL : ErrorCode.REQUEST_INVALID;
        };
        String detail = switch (code) {
            case ROUTE_NOT_FOUND -> "no such resource: " + context.getRequest().getPath();
            case METHOD_NOT_ALLOWED -> context.getRequest().getMethodName() + " is not allowed here";
            case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
            case INTERNAL -> "an unexpected error occurred";
            default -> status.getReason();
        };
        List<FieldViolation> violations = code == ErrorCode.REQUEST_INVALID && status == HttpStatus.BAD_REQUEST
                ? context.getErrors().stream()
                        .map(e -> FieldViolation.invalid(e.getPath().orElse("request"), safe(e.getMessage())))
                        .toList()
                : List.of();
        Problem problem = ProblemResponses.problem(code, detail, violations, null);
        return response.status(status).contentType(ProblemResponses.PROBLEM_JSON).body(problem);
    }

    /** Framework messages can name Java types; keep the first sentence and drop class names. */
    private static String safe(String message) {
        if (message == null) {
            return "invalid value";
        }
        String first = message.split("[\\r\\n]")[0];
        return first.replaceAll("(?:[a-z_$][a-z0-9_$]*\\.)+[A-Za-z_$][A-Za-z0-9_$]*", "value");
    }
}
