package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
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
        HttpStatus status = statusOf(context, response.getStatus());
        ErrorCode code = switch (status) {
            case NOT_FOUND -> ErrorCode.ROUTE_NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> ErrorCode.NOT_ACCEPTABLE;
            case REQUEST_ENTITY_TOO_LARGE -> ErrorCode.REQUEST_TOO_LARGE;
            case REQUEST_URI_TOO_LONG -> ErrorCode.URI_TOO_LONG;
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> ErrorCode.HEADERS_TOO_LARGE;
            case SERVICE_UNAVAILABLE -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status.getCode() >= 500 ? ErrorCode.INTERNAL : ErrorCode.REQUEST_INVALID;
        };
        String detail = switch (code) {
            case ROUTE_NOT_FOUND -> "no such resource: " + context.getRequest().getPath();
            case METHOD_NOT_ALLOWED -> context.getRequest().getMethodName() + " is not allowed here";
            case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
            case NOT_ACCEPTABLE -> "this resource answers application/json (errors application/problem+json)";
            case REQUEST_TOO_LARGE -> "the request body is too large";
            case URI_TOO_LONG -> "the request line (path and query) is too long";
            case HEADERS_TOO_LARGE -> "the request headers are too large";
            case INTERNAL -> "an unexpected error occurred";
            default -> "the request is not valid";
        };
        List<FieldViolation> violations = code == ErrorCode.REQUEST_INVALID && status == HttpStatus.BAD_REQUEST
                ? context.getErrors().stream()
                        .map(e -> field(e.getPath().orElse("request")))
                        .map(name -> FieldViolation.invalid(name, FORMATS.getOrDefault(name, "has an invalid value")))
                        .toList()
                : List.of();
        if (!violations.isEmpty()) {
            detail = violations.get(0).field() + " " + violations.get(0).message();
        }
        Problem problem = ProblemResponses.problem(code, detail, violations, null).withStatus(status);
        return response.status(status).contentType(ProblemResponses.PROBLEM_JSON).body(problem);
    }

    /** What the typed query parameters take, said when a value does not convert. */
    private static final java.util.Map<String, String> FORMATS = java.util.Map.of("page_size",
            "must be an integer 1-" + dev.poolkeeper.application.paging.PageRequest.MAX_SIZE);

    /**
     * Netty refuses a request line or a header block over its limits before any route runs, and Micronaut
     * answers both as 413 (a body's status); the decoder's cause on the request tells them apart.
     */
    private static HttpStatus statusOf(ErrorContext context, HttpStatus status) {
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
                && context.getRequest() instanceof NettyHttpRequest<?> netty) {
            for (Throwable t = netty.getNativeRequest().decoderResult().cause(); t != null; t = t.getCause()) {
                if (t instanceof TooLongHttpLineException) {
                    return HttpStatus.REQUEST_URI_TOO_LONG;
                }
                if (t instanceof TooLongHttpHeaderException) {
                    return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                }
            }
        }
        return status;
    }

    /** A parameter named as the client wrote it: {@code page_size}, not {@code /page_size}. */
    private static String field(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        return name.isBlank() ? "request" : safe(name);
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
