package dev.poolkeeper.adapters.rest.pool;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import dev.poolkeeper.domain.pool.PoolFilter;

import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Reply;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.Idempotency;
import dev.poolkeeper.adapters.rest.support.Reply;
import dev.poolkeeper.adapters.rest.support.BulkResult;
import dev.poolkeeper.adapters.rest.support.ProblemResponses;
import dev.poolkeeper.application.port.in.sync.ImportPoolCommand;
import dev.poolkeeper.application.port.in.sync.ImportPoolUseCase;
import dev.poolkeeper.application.port.in.sync.ImportResult;
import dev.poolkeeper.domain.number.CampaignId;
import io.micronaut.serde.annotation.Serdeable;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.QueryFilters;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.CreatePoolCommand;
import dev.poolkeeper.application.port.in.pool.CreatePoolUseCase;
import dev.poolkeeper.application.port.in.pool.DeletePoolUseCase;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolEventsUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolsQuery;
import dev.poolkeeper.application.port.in.pool.ListPoolsUseCase;
import dev.poolkeeper.application.port.in.pool.UpdatePoolCommand;
import dev.poolkeeper.application.port.in.pool.UpdatePoolUseCase;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolStatus;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;

@Controller("/v1/pools")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Pools")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class PoolController {

    /** A page of PoolResponses, as the API answers lists; named for the API document. */
    @Schema(name = "PoolPage")
    record PoolPage(List<PoolResponse> items,
                  @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    /** A page of PoolEventResponses, as the API answers lists; named for the API document. */
    @Schema(name = "PoolEventPage")
    record PoolEventPage(List<PoolEventResponse> items,
                  @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }
    private final CreatePoolUseCase createPool;
    private final GetPoolUseCase getPool;
    private final ListPoolsUseCase listPools;
    private final UpdatePoolUseCase updatePool;
    private final DeletePoolUseCase deletePool;
    private final ListPoolEventsUseCase listEvents;
    private final ImportPoolUseCase importPool;
    private final Idempotency idempotency;
    private final JsonMapper json;

    PoolController(CreatePoolUseCase createPool, GetPoolUseCase getPool, ListPoolsUseCase listPools,
                   UpdatePoolUseCase updatePool, DeletePoolUseCase deletePool, ListPoolEventsUseCase listEvents,
                   ImportPoolUseCase importPool, Idempotency idempotency, JsonMapper json) {
        this.importPool = importPool;
        this.createPool = createPool;
        this.getPool = getPool;
        this.listPools = listPools;
        this.updatePool = updatePool;
        this.deletePool = deletePool;
        this.listEvents = listEvents;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Get
    @Operation(operationId = "listPools", summary = "List the account's pools, oldest first")
    @ApiResponse(responseCode = "200", description = "a page of pools",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolPage.class)))
    PageResponse<PoolResponse> list(HttpRequest<?> request, @QueryValue @Nullable String status,
                                    @QueryValue @Nullable String message_type, @QueryValue @Nullable String provider,
                                    @QueryValue @Nullable String name, @QueryValue @Nullable Integer page_size,
                                    @QueryValue @Nullable String page_token) {
        PoolFilter filter = new PoolFilter(
                QueryFilters.oneOf("status", status, PoolStatus.class),
                QueryFilters.oneOf("message_type", message_type, MessageType.class),
                QueryFilters.oneOf("provider", provider, Provider.class),
                QueryFilters.filter("name", name, PoolController::poolName));
        return PageResponse.of(listPools.listPools(new ListPoolsQuery(Callers.of(request), filter,
                PageTokens.request(page_size, page_token))), PoolResponse::of);
    }

    @Post
    @Consumes({"application/json", "application/merge-patch+json", "text/plain"})
    @Operation(operationId = "createPool", summary = "Create a pool; only name is required")
    @RequestBody(content = @Content(schema = @Schema(implementation = PoolRequest.class)))
    @ApiResponse(responseCode = "201", description = "the pool",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolResponse.class)),
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "the created resource"),
                    @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "the pool version, for If-Match")
            })
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the request cannot be served as asked (the code says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "the opt-out list the pool names does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    MutableHttpResponse<?> create(HttpRequest<?> request,
                                  @Header(Idempotency.HEADER) @Nullable @Parameter(description = Idempotency.DESCRIPTION)
String idempotencyKey,
                                  @Body @Nullable String body) {
        Caller caller = Callers.of(request);
        return idempotency.execute(request, body, () -> {
            NumberPool pool = createPool.createPool(new CreatePoolCommand(caller,
                    PoolRequest.toPatch(JsonBody.parse(json, body))));
            return Reply.json(HttpStatus.CREATED, PoolResponse.of(pool), Map.of(
                    HttpHeaders.LOCATION, "/v1/pools/" + pool.id().value(), HttpHeaders.ETAG, PoolResponse.etag(pool)));
        });
    }

    @Serdeable
    @Schema(name = "ImportPoolRequest")
    record ImportRequest(@Schema(implementation = SendingProviderName.class,
            requiredMode = Schema.RequiredMode.REQUIRED) String provider,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String provider_pool_id,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                         @Nullable @Schema(description = "the 10DLC campaign of the pool's US long codes") String campaign_id) {
    }

    @Post("/import")
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "importPool",
            summary = "Adopt a pool that exists at a provider, with all its numbers; 201 with the new pool,"
            + " 422 import.numbers_refused (nothing created) when a number cannot join")
    @RequestBody(content = @Content(schema = @Schema(implementation = ImportRequest.class)))
    @ApiResponse(responseCode = "201", description = "the adopted pool",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolResponse.class)),
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "the created resource"),
                    @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "the pool version, for If-Match")
            })
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the request cannot be served as asked (the code says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    MutableHttpResponse<?> importPool(HttpRequest<?> request,
                                      @Header(Idempotency.HEADER) @Nullable @Parameter(description = Idempotency.DESCRIPTION)
String idempotencyKey,
                                      @Body @Nullable String body) {
        Caller caller = Callers.of(request);
        return idempotency.execute(request, body, () -> {
            JsonBody.Reader reader = JsonBody.parse(json, body);
            reader.allowOnly(Set.of("provider", "provider_pool_id", "name", "campaign_id"), Set.of());
            Provider provider = reader.required("provider", n -> reader.enumValue(n, Provider.class)).orElse(null);
            String providerPoolId = reader.required("provider_pool_id", reader::string).orElse(null);
            String name = reader.required("name", reader::string).orElse(null);
            Optional<CampaignId> campaign = reader.value("campaign_id", CampaignId::new);
            reader.done(name);
            PoolName poolName;
            try {
                poolName = new PoolName(name);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("name", e.getMessage());
            }
            ImportResult result = importPool.importPool(new ImportPoolCommand(caller, provider, providerPoolId,
                    poolName, campaign));
            if (result.pool().isEmpty()) {
                List<BulkResult> refused = result.refused().stream().map(BulkResult::of).toList();
                return new Reply(HttpStatus.UNPROCESSABLE_ENTITY, ProblemResponses.problem(
                        ErrorCode.IMPORT_NUMBERS_REFUSED, refused.size() + " of the provider pool's numbers cannot"
                                + " join the new pool; nothing was imported (see results)", List.of(), refused),
                        ProblemResponses.PROBLEM_JSON, Map.of());
            }
            NumberPool pool = result.pool().get();
            return Reply.json(HttpStatus.CREATED, PoolResponse.of(pool), Map.of(
                    HttpHeaders.LOCATION, "/v1/pools/" + pool.id().value(), HttpHeaders.ETAG, PoolResponse.etag(pool)));
        });
    }

    @Get("/{pool_id}")
    @Operation(operationId = "getPool", summary = "One pool, with its ETag")
    @ApiResponse(responseCode = "200", description = "the pool",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolResponse.class)),
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "the pool version, for If-Match")
            })
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<PoolResponse> get(HttpRequest<?> request, @PathVariable("pool_id") String poolId) {
        NumberPool pool = getPool.getPool(Callers.of(request), PathValues.poolId(poolId));
        return HttpResponse.ok(PoolResponse.of(pool)).header(HttpHeaders.ETAG, PoolResponse.etag(pool));
    }

    @Patch("/{pool_id}")
    @Consumes({"application/json", "application/merge-patch+json", "text/plain"})
    @Operation(operationId = "updatePool",
            summary = "JSON merge patch of the settable fields; If-Match makes it conditional")
    @RequestBody(content = @Content(schema = @Schema(implementation = PoolRequest.class)))
    @ApiResponse(responseCode = "200", description = "the changed pool",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolResponse.class)),
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "the pool version, for If-Match")
            })
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<PoolResponse> update(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                      @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                      @Body @Nullable String body) {
        NumberPool pool = updatePool.updatePool(new UpdatePoolCommand(Callers.of(request), PathValues.poolId(poolId),
                PoolRequest.toPatch(JsonBody.parse(json, body)), expectedVersion(ifMatch)));
        return HttpResponse.ok(PoolResponse.of(pool)).header(HttpHeaders.ETAG, PoolResponse.etag(pool));
    }

    @Delete("/{pool_id}")
    @Operation(operationId = "deletePool", summary = "Delete a pool; 409 while deletion protection is on")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable("pool_id") String poolId) {
        deletePool.deletePool(Callers.of(request), PathValues.poolId(poolId));
        return HttpResponse.noContent();
    }

    @Get("/{pool_id}/events")
    @Operation(operationId = "listPoolEvents",
            summary = "The pool's change history (also after the pool was deleted, up to pool.deleted),"
            + " filtered by type (comma-separated) and time (from inclusive, to exclusive, RFC 3339), oldest first"
            + " or, with order=desc, newest first")
    @ApiResponse(responseCode = "200", description = "a page of the history",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PoolEventPage.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PageResponse<PoolEventResponse> events(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                           @QueryValue @Nullable String type, @QueryValue @Nullable String from,
                                           @QueryValue @Nullable String to, @QueryValue @Nullable String order,
                                           @QueryValue @Nullable Integer page_size,
                                           @QueryValue @Nullable String page_token) {
        Set<PoolEventType> types = new java.util.HashSet<>();
        if (type != null && !type.isEmpty()) {
            for (String t : type.split(",")) {
                types.add(QueryFilters.filter("type", t.trim(), PoolController::eventType, EVENT_TYPES)
                        .orElseThrow(() -> DomainException.invalidField("type", "must not be empty")));
            }
        }
        boolean newestFirst = QueryFilters.filter("order", order, v -> Optional.ofNullable(
                v.equals("desc") ? Boolean.TRUE : v.equals("asc") ? Boolean.FALSE : null), List.of("asc", "desc"))
                .orElse(false);
        Optional<Instant> since = QueryFilters.instant("from", from);
        Optional<Instant> until = QueryFilters.instant("to", to);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw DomainException.invalidField("to", "must be after from");
        }
        return PageResponse.of(listEvents.listPoolEvents(Callers.of(request), PathValues.poolId(poolId),
                new PoolEventQuery(types, since, until, newestFirst), PageTokens.request(page_size, page_token)),
                PoolEventResponse::of);
    }

    private static final List<String> EVENT_TYPES = java.util.Arrays.stream(PoolEventType.values())
            .map(PoolEventType::wireName).toList();

    private static Optional<PoolEventType> eventType(String wireName) {
        return java.util.Arrays.stream(PoolEventType.values()).filter(t -> t.wireName().equals(wireName)).findFirst();
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}) applies the patch only to version 3; {@code *} to any. */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.POOL_VERSION_CONFLICT,
                    "If-Match " + ifMatch + " is not an ETag of this pool");
        }
    }


    private static Optional<PoolName> poolName(String value) {
        try {
            return Optional.of(new PoolName(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
