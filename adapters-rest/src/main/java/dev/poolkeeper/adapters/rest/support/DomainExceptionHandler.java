package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A business rule said no: its code decides the status. */
@Produces
@Singleton
@Requires(classes = {DomainException.class, ExceptionHandler.class})
public final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        return ProblemResponses.of(exception);
    }
}
