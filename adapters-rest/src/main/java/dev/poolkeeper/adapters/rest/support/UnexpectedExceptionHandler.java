package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no rule explains: logged with an incident id that the client also gets, so an operator can
 * find it, and answered 500 without any detail of the cause.
 */
@Produces
@Singleton
public final class UnexpectedExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {} on {} {}", incident, request.getMethodName(), request.getPath(), exception);
        return ProblemResponses.of(ErrorCode.INTERNAL, "an unexpected error occurred; incident " + incident);
    }
}
