package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpHeaders;
import java.nio.charset.IllegalCharsetNameException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exceptions that reach the HTTP layer without a code of ours. Those the framework throws while reading a
 * request the client got wrong (a charset that does not exist) are the client's 4xx; anything no rule
 * explains is logged with an incident id that the client also gets, so an operator can find it, and
 * answered 500 without any detail of the cause.
 */
@Produces
@Singleton
public final class UnexpectedExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IllegalCharsetNameException || t instanceof UnsupportedCharsetException) {
                return ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "the Content-Type names a charset that does not exist; send application/json in UTF-8");
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                LOG.warn("database unreachable on {} {}: {}", request.getMethodName(), request.getPath(), t.toString());
                return ProblemResponses.of(ErrorCode.SERVICE_UNAVAILABLE,
                        "the database cannot be reached; retry shortly")
                        .header(HttpHeaders.RETRY_AFTER, "5");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {} on {} {}", incident, request.getMethodName(), request.getPath(), exception);
        return ProblemResponses.of(ErrorCode.INTERNAL, "an unexpected error occurred; incident " + incident);
    }
}
