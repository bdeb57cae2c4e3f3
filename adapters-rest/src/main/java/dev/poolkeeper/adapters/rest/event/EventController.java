package dev.poolkeeper.adapters.rest.event;

import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.event.ListEventsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;

@Controller("/v1/events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Events")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class EventController {
    private final ListEventsUseCase events;

    EventController(ListEventsUseCase events) {
        this.events = events;
    }

    /** A page of events; named for the API document. */
    @Schema(name = "EventPage")
    record EventPage(List<EventResponse> items,
                     @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    @Get
    @Operation(operationId = "listEvents",
            summary = "The account's events in the order they happened, oldest first: after an event id (the last"
            + " one handled) or a page token, or from the start; for consumers that pull instead of receiving"
            + " webhooks")
    @ApiResponse(responseCode = "200", description = "a page of events",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventPage.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PageResponse<EventResponse> list(HttpRequest<?> request, @QueryValue @Nullable String after,
                                     @QueryValue @Nullable Integer page_size, @QueryValue @Nullable String page_token) {
        return PageResponse.of(events.list(Callers.of(request), Optional.ofNullable(after).filter(a -> !a.isEmpty()),
                PageTokens.request(page_size, page_token)), EventResponse::of);
    }
}
