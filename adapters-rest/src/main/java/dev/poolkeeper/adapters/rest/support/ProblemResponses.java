package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** The one place where error codes become HTTP statuses and problem+json bodies. */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_PREFIX = "urn:poolkeeper:problem:";

    private ProblemResponses() {
    }

    /** Every code has a status: the switch is exhaustive, so a new code cannot be forgotten here. */
    public static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case REQUEST_INVALID, NUMBER_INVALID, NUMBER_TYPE_MISMATCH, NUMBERS_LIMIT_EXCEEDED, NUMBERS_ALL_FAILED,
                 POOL_MESSAGE_TYPE_IMMUTABLE, NUMBER_CAMPAIGN_REQUIRED, IDEMPOTENCY_KEY_REQUIRED,
                 MESSAGES_LIMIT_EXCEEDED -> HttpStatus.BAD_REQUEST;
            case PROVIDER_INSUFFICIENT_BALANCE -> HttpStatus.PAYMENT_REQUIRED;
            case AUTH_MISSING_KEY, AUTH_INVALID_KEY, WEBHOOK_SIGNATURE_INVALID -> HttpStatus.UNAUTHORIZED;
            case AUTH_FORBIDDEN -> HttpStatus.FORBIDDEN;
            case ACCOUNT_NOT_FOUND, API_KEY_NOT_FOUND, POOL_NOT_FOUND, OPT_OUT_LIST_NOT_FOUND, NUMBER_NOT_IN_POOL,
                 STICKY_SENDER_NOT_FOUND, OPT_OUT_NOT_FOUND, ROUTE_NOT_FOUND, MESSAGE_NOT_FOUND,
                 PROVIDER_POOL_NOT_FOUND, PROVIDER_CONNECTION_NOT_FOUND, CANARY_INBOX_NOT_FOUND,
                 PROBE_SCHEDULE_NOT_FOUND, EVENT_ENDPOINT_NOT_FOUND, EVENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case OPT_OUT_LIST_NAME_TAKEN, OPT_OUT_LIST_IN_USE, PROVIDER_POOL_ALREADY_MIRRORED,
                 PROVIDER_NOT_CONFIGURED, PROVIDER_CONNECTION_NAME_TAKEN, PROVIDER_CONNECTION_IN_USE,
                 PROVIDER_CONNECTION_NOT_STORABLE, PROVIDER_UNAUTHORIZED, CANARY_INBOX_NOT_PROBEABLE,
                 MESSAGE_NOT_CANCELABLE, EVENT_ENDPOINT_NOT_STORABLE -> HttpStatus.CONFLICT;
            case POOL_NAME_TAKEN, POOL_DELETION_PROTECTED, POOL_MEMBERS_NOT_TWO_WAY, NUMBER_IN_OTHER_POOL,
                 NUMBER_CAMPAIGN_MISMATCH, NUMBER_CONNECTION_MISMATCH, NUMBER_TWO_WAY_REQUIRED, IDEMPOTENCY_IN_PROGRESS,
                 NUMBER_CONFLICTS_WITH_MEMBER -> HttpStatus.CONFLICT;
            case POOL_VERSION_CONFLICT -> HttpStatus.PRECONDITION_FAILED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case REQUEST_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case URI_TOO_LONG -> HttpStatus.REQUEST_URI_TOO_LONG;
            case HEADERS_TOO_LARGE -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case IDEMPOTENCY_KEY_REUSED, SELECTION_OPTED_OUT, SELECTION_NO_HEALTHY_NUMBER, SELECTION_EMPTY_POOL,
                 SELECTION_PROVIDER_NOT_CONFIGURED,
                 SELECTION_REJECTED, STICKY_SENDER_NOT_A_MEMBER, PROVIDER_REJECTED,
                 IMPORT_NUMBERS_REFUSED, MESSAGE_EXPIRED, EVENT_ENDPOINT_URL_REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case SELECTION_CAPACITY_EXHAUSTED, QUEUE_FULL -> HttpStatus.TOO_MANY_REQUESTS;
            case RATE_LIMITED, PROVIDER_THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE, PROVIDER_UNAVAILABLE, PROVIDER_NO_ANSWER ->
                    HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static Problem problem(ErrorCode code, String detail, List<FieldViolation> violations,
                                  List<BulkResult> results) {
        HttpStatus status = status(code);
        List<Problem.FieldError> errors = violations.isEmpty() ? null : violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.code().code(), v.message()))
                .toList();
        return new Problem(TYPE_PREFIX + code.code(), status.getReason(), status.getCode(), detail, code.code(),
                errors, results);
    }

    public static MutableHttpResponse<Problem> of(DomainException e) {
        MutableHttpResponse<Problem> response = of(problem(e.code(), e.getMessage(), e.violations(), null));
        if (e instanceof dev.poolkeeper.domain.shared.RetryLaterException later) {
            response.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(later.retryAfter().toSeconds()));
        }
        return response;
    }

    public static MutableHttpResponse<Problem> of(ErrorCode code, String detail) {
        return of(problem(code, detail, List.of(), null));
    }

    public static MutableHttpResponse<Problem> of(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(PROBLEM_JSON)
                .body(problem);
    }
}
