package dev.poolkeeper.adapters.rest.provider;

import dev.poolkeeper.adapters.rest.support.ProviderName;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.provider.ConnectionCommand;
import dev.poolkeeper.application.port.in.provider.CreateProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.DeleteProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.ListProviderConnectionsUseCase;
import dev.poolkeeper.application.port.in.provider.TestProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.UpdateProviderConnectionUseCase;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An account's own credentials at its providers. Credentials go in and never come out: a connection shows
 * which fields it holds, not their values.
 */
@Controller("/v1/provider-connections")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Provider connections")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class ProviderConnectionController {
    private final CreateProviderConnectionUseCase create;
    private final ListProviderConnectionsUseCase list;
    private final UpdateProviderConnectionUseCase update;
    private final DeleteProviderConnectionUseCase delete;
    private final TestProviderConnectionUseCase test;
    private final JsonMapper json;
    private final Clock clock;

    ProviderConnectionController(CreateProviderConnectionUseCase create, ListProviderConnectionsUseCase list,
                                 UpdateProviderConnectionUseCase update, DeleteProviderConnectionUseCase delete,
                                 TestProviderConnectionUseCase test, JsonMapper json, Clock clock) {
        this.create = create;
        this.list = list;
        this.update = update;
        this.delete = delete;
        this.test = test;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ProviderConnection")
    record ConnectionResponse(String id,
                              @Schema(implementation = ProviderName.class) String provider,
                              String name,
                              @Schema(description = "the credential fields the connection holds; values are never shown")
                              List<String> credential_fields,
                              @Nullable String base_url, Instant created_at, Instant updated_at) {
        static ConnectionResponse of(ProviderConnection c) {
            return new ConnectionResponse(c.id().value(), c.provider().wireName(), c.name(),
                    List.copyOf(c.credentials().fields()), c.baseUrl().orElse(null), c.createdAt(), c.updatedAt());
        }
    }

    /** A page of connections, as the API answers lists; named for the API document. */
    @Schema(name = "ProviderConnectionPage")
    record ConnectionPage(List<ConnectionResponse> items,
                          @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    @Serdeable
    @Schema(name = "CreateProviderConnection")
    record CreateRequest(@Schema(implementation = ProviderName.class,
                                 requiredMode = Schema.RequiredMode.REQUIRED) String provider,
                         @Schema(description = "1-64 [A-Za-z0-9._-], unique per account",
                                 requiredMode = Schema.RequiredMode.REQUIRED) String name,
                         @Schema(description = "vonage: api_key, api_secret; telnyx: api_key; pinpoint: region,"
                                 + " access_key_id, secret_access_key; sandbox: none") Map<String, String> credentials,
                         @Nullable @Schema(description = "only where the instance allows it") String base_url) {
    }

    @Serdeable
    @Schema(name = "UpdateProviderConnection")
    record UpdateRequest(@Nullable String name,
                         @Nullable @Schema(description = "fields to change; a field set to null or \"\" is removed")
                         Map<String, String> credentials,
                         @Nullable @Schema(description = "null removes it") String base_url) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ProviderConnectionCheck")
    record CheckResponse(String connection_id,
                         @Schema(implementation = ProviderName.class) String provider,
                         boolean ok, String detail, Instant checked_at) {
    }

    @Get
    @Operation(operationId = "listProviderConnections", summary = "The account's provider connections, oldest first")
    @ApiResponse(responseCode = "200", description = "a page of connections",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionPage.class)))
    PageResponse<ConnectionResponse> list(HttpRequest<?> request, @QueryValue @Nullable Integer page_size,
                                          @QueryValue @Nullable String page_token) {
        return PageResponse.of(list.listProviderConnections(Callers.of(request),
                PageTokens.request(page_size, page_token)), ConnectionResponse::of);
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "createProviderConnection", summary = "Store the account's credentials at a provider;"
            + " its pools' calls to that provider use them from then on")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateRequest.class)))
    @ApiResponse(responseCode = "201", description = "the connection (without its credentials)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionResponse.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<ConnectionResponse> create(HttpRequest<?> request, @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("provider", "name", "credentials", "base_url"),
                Set.of("id", "credential_fields", "created_at", "updated_at"));
        Provider provider = reader.required("provider", n -> reader.enumValue(n, Provider.class)).orElse(null);
        String name = reader.required("name", n -> reader.string(n)).orElse(null);
        if (name != null && !ProviderConnection.isName(name)) {
            reader.invalid("name", "must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        Map<String, String> credentials = reader.stringMap("credentials").orElse(Map.of());
        Optional<String> baseUrl = reader.string("base_url");
        reader.done(null);
        ProviderConnection created = create.createProviderConnection(new ConnectionCommand(Callers.of(request),
                Optional.of(provider), Optional.of(name), credentials, Optional.of(baseUrl)));
        return HttpResponse.created(ConnectionResponse.of(created))
                .header(HttpHeaders.LOCATION, "/v1/provider-connections/" + created.id().value());
    }

    @Get("/{connection_id}")
    @Operation(operationId = "getProviderConnection", summary = "One connection (without its credentials)")
    @ApiResponse(responseCode = "200", description = "the connection",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ConnectionResponse get(HttpRequest<?> request, @PathVariable("connection_id") String id) {
        return ConnectionResponse.of(list.getProviderConnection(Callers.of(request), PathValues.connectionId(id)));
    }

    @Patch("/{connection_id}")
    @Consumes({"application/json", "application/merge-patch+json", "text/plain"})
    @Operation(operationId = "updateProviderConnection",
            summary = "Rename a connection or change credentials field by field, or its base URL")
    @RequestBody(content = @Content(schema = @Schema(implementation = UpdateRequest.class)))
    @ApiResponse(responseCode = "200", description = "the connection",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectionResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    ConnectionResponse patch(HttpRequest<?> request, @PathVariable("connection_id") String id,
                             @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("name", "credentials", "base_url"),
                Set.of("id", "provider", "credential_fields", "created_at", "updated_at"));
        Optional<String> name = reader.string("name");
        if (name.isPresent() && !ProviderConnection.isName(name.get())) {
            reader.invalid("name", "must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        Map<String, String> credentials = reader.stringMap("credentials").orElse(Map.of());
        var baseUrl = reader.update("base_url", reader::string);
        reader.done(null);
        ConnectionId connectionId = PathValues.connectionId(id);
        Optional<Optional<String>> base = baseUrl == null ? Optional.empty()
                : Optional.of(Optional.ofNullable(baseUrl.value()));
        return ConnectionResponse.of(update.updateProviderConnection(connectionId, new ConnectionCommand(
                Callers.of(request), Optional.empty(), name, credentials, base)));
    }

    @Delete("/{connection_id}")
    @Operation(operationId = "deleteProviderConnection",
            summary = "Delete a connection; 409 provider_connection.in_use, naming the pools, while it serves pools")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable("connection_id") String id) {
        delete.deleteProviderConnection(Callers.of(request), PathValues.connectionId(id));
        return HttpResponse.noContent();
    }

    @Post("/{connection_id}/test")
    @Operation(operationId = "testProviderConnection",
            summary = "One harmless read at the provider with the connection's credentials, and what it found")
    @ApiResponse(responseCode = "200", description = "what the provider answered (ok false: it refused or did not answer)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CheckResponse test(HttpRequest<?> request, @PathVariable("connection_id") String id) {
        ConnectionId connectionId = PathValues.connectionId(id);
        ProviderConnection connection = list.getProviderConnection(Callers.of(request), connectionId);
        ConnectionCheck check = test.testProviderConnection(Callers.of(request), connectionId);
        return new CheckResponse(connectionId.value(), connection.provider().wireName(), check.ok(), check.detail(),
                clock.instant());
    }

}
