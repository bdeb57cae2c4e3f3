package dev.poolkeeper.adapters.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.QueryFilters;
import dev.poolkeeper.application.port.in.event.EventEndpointsUseCase;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Controller("/v1/event-endpoints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Events")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class EventEndpointController {
    private final EventEndpointsUseCase endpoints;
    private final JsonMapper json;

    EventEndpointController(EventEndpointsUseCase endpoints, JsonMapper json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "EventEndpoint")
    record EndpointResponse(@Schema(example = "eep_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB") String id,
                            String url,
                            @ArraySchema(schema = @Schema(implementation = EventTypes.class),
                                    arraySchema = @Schema(description = "the types it receives; empty: every type"))
                            List<String> event_types,
                            boolean enabled,
                            @Nullable @Schema(description = "why Poolkeeper disabled it") String disabled_reason,
                            @Nullable @Schema(description = "since when every delivery failed") Instant failing_since,
                            @Nullable @Schema(description = "until when the previous secret still signs")
                            Instant previous_secret_until,
                            @Nullable @Schema(description = "the signing secret: only in the answer that made it")
                            String secret,
                            Instant created_at, Instant updated_at) {
        static EndpointResponse of(EventEndpoint e, String secret) {
            return new EndpointResponse(e.id().value(), e.url().toString(),
                    e.types().stream().map(EventType::wireName).sorted().toList(), e.enabled(),
                    e.disabledReason().orElse(null), e.failingSince().orElse(null),
                    e.secrets().previousUntil().orElse(null), secret, e.createdAt(), e.updatedAt());
        }

        static EndpointResponse of(EventEndpoint e) {
            return of(e, null);
        }
    }

    @Serdeable
    @Schema(name = "EventEndpointRequest")
    record EndpointRequest(@Nullable @Schema(description = "an https URL (required to create)") String url,
                           @Nullable @ArraySchema(schema = @Schema(implementation = EventTypes.class),
                                   arraySchema = @Schema(description = "empty or absent: every type"))
                           List<String> event_types,
                           @Nullable @Schema(defaultValue = "true") Boolean enabled) {
    }

    @Schema(name = "EventEndpointPage")
    record EndpointPage(List<EndpointResponse> items,
                        @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "EventDelivery")
    record DeliveryResponse(String id, String endpoint_id, String event_id,
                            @Schema(allowableValues = {"pending", "retrying", "delivered", "dead"}) String status,
                            int attempts, @Nullable Instant next_attempt_at, @Nullable Instant last_attempt_at,
                            @Nullable Integer last_status_code, @Nullable String last_error, Instant created_at,
                            @Nullable @Schema(description = "a message's status_callback this delivery goes to, signed"
                                    + " with the endpoint's secret; absent: the endpoint's URL") String url) {
        static DeliveryResponse of(EventDelivery d) {
            return new DeliveryResponse(d.id(), d.endpointId().value(), d.eventId(), d.status().wireName(),
                    d.attempts(), d.nextAttemptAt().orElse(null), d.lastAttemptAt().orElse(null),
                    d.lastStatusCode().orElse(null), d.lastError().orElse(null), d.createdAt(),
                    d.url().map(java.net.URI::toString).orElse(null));
        }
    }

    @Schema(name = "EventDeliveryPage")
    record DeliveryPage(List<DeliveryResponse> items,
                        @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    @Serdeable
    @Schema(name = "RedeliveryRequest")
    record RedeliveryRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String event_id) {
    }

    private EventEndpointsUseCase.Change change(String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("url", "event_types", "enabled"), Set.of("id", "disabled_reason", "failing_since",
                "previous_secret_until", "created_at", "updated_at"));
        Optional<String> url = reader.string("url");
        Optional<Set<EventType>> types = reader.strings("event_types").map(names -> {
            Set<EventType> parsed = EnumSet.noneOf(EventType.class);
            for (String name : names) {
                EventType.parse(name).ifPresentOrElse(parsed::add, () -> reader.invalid("event_types",
                        "unknown event type " + name));
            }
            return parsed;
        });
        Optional<Boolean> enabled = reader.bool("enabled");
        reader.done(null);
        return new EventEndpointsUseCase.Change(url, types, enabled);
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "createEventEndpoint",
            summary = "Add an endpoint that receives the account's events; the answer shows its signing secret, once")
    @RequestBody(content = @Content(schema = @Schema(implementation = EndpointRequest.class)))
    @ApiResponse(responseCode = "201", description = "the endpoint, with its secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointResponse.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "the URL points where events may not go",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<EndpointResponse> create(HttpRequest<?> request, @Body @Nullable String body) {
        EventEndpointsUseCase.WithSecret created = endpoints.create(Callers.of(request), change(body));
        return HttpResponse.created(EndpointResponse.of(created.endpoint(), created.secret()))
                .header(HttpHeaders.LOCATION, "/v1/event-endpoints/" + created.endpoint().id().value());
    }

    @Get
    @Operation(operationId = "listEventEndpoints", summary = "The account's event endpoints, oldest first")
    @ApiResponse(responseCode = "200", description = "a page of endpoints",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointPage.class)))
    PageResponse<EndpointResponse> list(HttpRequest<?> request, @QueryValue @Nullable Integer page_size,
                                        @QueryValue @Nullable String page_token) {
        return PageResponse.of(endpoints.list(Callers.of(request), PageTokens.request(page_size, page_token)),
                EndpointResponse::of);
    }

    @Get("/{endpoint_id}")
    @Operation(operationId = "getEventEndpoint", summary = "One endpoint (never its secret)")
    @ApiResponse(responseCode = "200", description = "the endpoint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    EndpointResponse get(HttpRequest<?> request, @PathVariable("endpoint_id") String id) {
        return EndpointResponse.of(endpoints.get(Callers.of(request), PathValues.eventEndpointId(id)));
    }

    @Patch("/{endpoint_id}")
    @Consumes({"application/json", "application/merge-patch+json", "text/plain"})
    @Operation(operationId = "updateEventEndpoint",
            summary = "Change the URL, the event types or enabled; enabling a disabled endpoint starts it afresh")
    @RequestBody(content = @Content(schema = @Schema(implementation = EndpointRequest.class)))
    @ApiResponse(responseCode = "200", description = "the endpoint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "the URL points where events may not go",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    EndpointResponse update(HttpRequest<?> request, @PathVariable("endpoint_id") String id,
                            @Body @Nullable String body) {
        return EndpointResponse.of(endpoints.update(Callers.of(request), PathValues.eventEndpointId(id), change(body)));
    }

    @Delete("/{endpoint_id}")
    @Operation(operationId = "deleteEventEndpoint", summary = "Delete an endpoint; its waiting deliveries end")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable("endpoint_id") String id) {
        endpoints.delete(Callers.of(request), PathValues.eventEndpointId(id));
        return HttpResponse.noContent();
    }

    @Post("/{endpoint_id}/secret-rotations")
    @Operation(operationId = "rotateEventEndpointSecret",
            summary = "A new signing secret, shown once; the previous one keeps signing (both signatures are sent)"
            + " until previous_secret_until")
    @ApiResponse(responseCode = "200", description = "the endpoint, with its new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    EndpointResponse rotate(HttpRequest<?> request, @PathVariable("endpoint_id") String id) {
        EventEndpointsUseCase.WithSecret rotated = endpoints.rotateSecret(Callers.of(request),
                PathValues.eventEndpointId(id));
        return EndpointResponse.of(rotated.endpoint(), rotated.secret());
    }

    @Get("/{endpoint_id}/deliveries")
    @Operation(operationId = "listEventDeliveries",
            summary = "The endpoint's deliveries, newest first: every try's outcome, what is retried when, what"
            + " was dead-lettered")
    @ApiResponse(responseCode = "200", description = "a page of deliveries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryPage.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PageResponse<DeliveryResponse> deliveries(HttpRequest<?> request, @PathVariable("endpoint_id") String id,
                                              @QueryValue @Nullable String status,
                                              @QueryValue @Nullable Integer page_size,
                                              @QueryValue @Nullable String page_token) {
        return PageResponse.of(endpoints.deliveries(Callers.of(request), PathValues.eventEndpointId(id),
                QueryFilters.oneOf("status", status, EventDelivery.Status.class),
                PageTokens.request(page_size, page_token)), DeliveryResponse::of);
    }

    @Post("/{endpoint_id}/redeliveries")
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "redeliverEvent",
            summary = "Deliver one of the account's events to the endpoint again (a failed, dead-lettered or old one)")
    @RequestBody(content = @Content(schema = @Schema(implementation = RedeliveryRequest.class)))
    @ApiResponse(responseCode = "202", description = "the new delivery, pending",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<DeliveryResponse> redeliver(HttpRequest<?> request, @PathVariable("endpoint_id") String id,
                                             @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("event_id"), Set.of());
        String eventId = reader.required("event_id", reader::string).orElse(null);
        reader.done(null);
        return HttpResponse.accepted().body(DeliveryResponse.of(endpoints.redeliver(Callers.of(request),
                PathValues.eventEndpointId(id), eventId)));
    }
}
