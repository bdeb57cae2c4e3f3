package dev.poolkeeper.adapters.rest.account;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.application.port.in.account.CreateApiKeyUseCase;
import dev.poolkeeper.application.port.in.account.IssuedApiKey;
import dev.poolkeeper.application.port.in.account.ListApiKeysUseCase;
import dev.poolkeeper.application.port.in.account.RevokeApiKeyUseCase;
import dev.poolkeeper.domain.account.ApiKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;

@Controller("/v1/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts and keys")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class ApiKeyController {

    /** A page of ApiKeyResponses, as the API answers lists; named for the API document. */
    @Schema(name = "ApiKeyPage")
    record ApiKeyPage(List<ApiKeyResponse> items,
                  @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }
    private final CreateApiKeyUseCase createKey;
    private final ListApiKeysUseCase listKeys;
    private final RevokeApiKeyUseCase revokeKey;

    ApiKeyController(CreateApiKeyUseCase createKey, ListApiKeysUseCase listKeys, RevokeApiKeyUseCase revokeKey) {
        this.createKey = createKey;
        this.listKeys = listKeys;
        this.revokeKey = revokeKey;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ApiKeyCreated", description = "api_key is shown this once")
    record ApiKeyCreatedResponse(String id, String api_key, String prefix, Instant created_at) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ApiKey", description = "a key of the account; never the key itself")
    record ApiKeyResponse(String id, String prefix, Instant created_at, @Nullable Instant last_used_at) {
        static ApiKeyResponse of(ApiKey k) {
            return new ApiKeyResponse(k.id().value(), k.prefix(), k.createdAt(), k.lastUsedAt());
        }
    }

    @Post
    @Operation(operationId = "createApiKey", summary = "Create another key for the caller's account")
    @ApiResponse(responseCode = "201", description = "the key, shown this once",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiKeyCreatedResponse.class)))
    @BodyProblems
    HttpResponse<ApiKeyCreatedResponse> create(HttpRequest<?> request) {
        IssuedApiKey issued = createKey.createApiKey(Callers.of(request));
        return HttpResponse.created(new ApiKeyCreatedResponse(issued.key().id().value(), issued.secret().plaintext(),
                issued.key().prefix(), issued.key().createdAt()));
    }

    @Get
    @Operation(operationId = "listApiKeys", summary = "The account's keys (id, prefix, created_at, last_used_at)")
    @ApiResponse(responseCode = "200", description = "a page of keys",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeyPage.class)))
    PageResponse<ApiKeyResponse> list(HttpRequest<?> request, @QueryValue @Nullable Integer page_size,
                                      @QueryValue @Nullable String page_token) {
        return PageResponse.of(listKeys.listApiKeys(Callers.of(request), PageTokens.request(page_size, page_token)),
                ApiKeyResponse::of);
    }

    @Delete("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key; it is refused from the next request on")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> revoke(HttpRequest<?> request, @PathVariable("id") String id) {
        revokeKey.revokeApiKey(Callers.of(request), PathValues.apiKeyId(id));
        return HttpResponse.noContent();
    }
}
