package dev.poolkeeper.adapters.rest.number;

import dev.poolkeeper.domain.number.MemberFilter;

import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.Idempotency;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.QueryFilters;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.number.AddNumbersUseCase;
import dev.poolkeeper.application.port.in.number.GetNumberUseCase;
import dev.poolkeeper.application.port.in.number.ListNumbersQuery;
import dev.poolkeeper.application.port.in.number.ListNumbersUseCase;
import dev.poolkeeper.application.port.in.number.RemoveNumberUseCase;
import dev.poolkeeper.application.port.in.number.RemoveNumbersCommand;
import dev.poolkeeper.application.port.in.number.RemoveNumbersUseCase;
import dev.poolkeeper.application.port.in.number.UpdateMemberCommand;
import dev.poolkeeper.application.port.in.number.UpdateMemberUseCase;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.pool.MemberPatch;
import dev.poolkeeper.domain.pool.Update;
import io.micronaut.http.annotation.Patch;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
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
import java.util.Locale;
import java.util.Optional;

@Controller("/v1/pools/{pool_id}/numbers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Numbers in a pool")
@CommonProblems
@ApiResponse(responseCode = "404", description = "no such resource in this account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class PoolNumberController {

    /** A page of MemberResponses, as the API answers lists; named for the API document. */
    @Schema(name = "MemberPage")
    record MemberPage(List<MemberResponse> items,
                  @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }
    private final AddNumbersUseCase addNumbers;
    private final RemoveNumbersUseCase removeNumbers;
    private final RemoveNumberUseCase removeNumber;
    private final GetNumberUseCase getNumber;
    private final ListNumbersUseCase listNumbers;
    private final UpdateMemberUseCase updateMember;
    private final Idempotency idempotency;
    private final JsonMapper json;

    PoolNumberController(AddNumbersUseCase addNumbers, RemoveNumbersUseCase removeNumbers,
                         RemoveNumberUseCase removeNumber, GetNumberUseCase getNumber, ListNumbersUseCase listNumbers,
                         UpdateMemberUseCase updateMember, Idempotency idempotency, JsonMapper json) {
        this.updateMember = updateMember;
        this.addNumbers = addNumbers;
        this.removeNumbers = removeNumbers;
        this.removeNumber = removeNumber;
        this.getNumber = getNumber;
        this.listNumbers = listNumbers;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Get
    @Operation(operationId = "listNumbers", summary = "List a pool's members in the order they were added")
    @ApiResponse(responseCode = "200", description = "a page of members",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberPage.class)))
    PageResponse<MemberResponse> list(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                      @QueryValue @Nullable String country, @QueryValue @Nullable String provider,
                                      @QueryValue @Nullable String type, @QueryValue @Nullable String health,
                                      @QueryValue @Nullable Integer page_size,
                                      @QueryValue @Nullable String page_token) {
        MemberFilter filter = new MemberFilter(
                QueryFilters.filter("country", country, c -> c.matches("[A-Za-z]{2}")
                        ? Optional.of(c.toUpperCase(Locale.ROOT)) : Optional.empty()),
                QueryFilters.oneOf("provider", provider, Provider.class),
                QueryFilters.oneOf("type", type, NumberType.class),
                QueryFilters.oneOf("health", health, NumberHealth.class));
        return PageResponse.of(listNumbers.listNumbers(new ListNumbersQuery(Callers.of(request),
                PathValues.poolId(poolId), filter, PageTokens.request(page_size, page_token))), MemberResponse::of);
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "addNumbers",
            summary = "Add up to 50 numbers; each item is checked on its own (200, 207 or 400)")
    @RequestBody(content = @Content(schema = @Schema(implementation = AddNumbersRequest.class)))
    @ApiResponse(responseCode = "200", description = "every item added or already present",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkResponse.class)))
    @ApiResponse(responseCode = "207", description = "some items failed; results say which and why",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkResponse.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the request cannot be served as asked (the code says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    MutableHttpResponse<?> add(HttpRequest<?> request,
                               @Header(Idempotency.HEADER) @Nullable @Parameter(description = Idempotency.DESCRIPTION)
String idempotencyKey,
                               @PathVariable("pool_id") String poolId,
                               @Body @Nullable String body) {
        Caller caller = Callers.of(request);
        PoolId pool = PathValues.poolId(poolId);
        return idempotency.execute(request, body, () -> BulkResponse.of(addNumbers.addNumbers(
                new AddNumbersCommand(caller, pool, AddNumbersRequest.parse(JsonBody.parse(json, body))))));
    }

    @Post("/delete")
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "removeNumbers",
            summary = "Remove up to 50 numbers; each item is checked on its own (200, 207 or 400)")
    @RequestBody(content = @Content(schema = @Schema(implementation = RemoveNumbersRequest.class)))
    @ApiResponse(responseCode = "200", description = "every item removed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkResponse.class)))
    @ApiResponse(responseCode = "207", description = "some items failed; results say which and why",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkResponse.class)))
    @BodyProblems
    MutableHttpResponse<?> remove(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                  @Body @Nullable String body) {
        return idempotency.write(BulkResponse.of(removeNumbers.removeNumbers(new RemoveNumbersCommand(
                Callers.of(request), PathValues.poolId(poolId), RemoveNumbersRequest.parse(JsonBody.parse(json, body))))));
    }

    @Get("/{number:[^/]+}")
    @Operation(operationId = "getNumber", summary = "One member; the number as %2B14155550100 or 14155550100")
    @ApiResponse(responseCode = "200", description = "the member",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberResponse.class)))
    MemberResponse get(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                       @PathVariable("number") String number) {
        return MemberResponse.of(getNumber.getNumber(Callers.of(request), PathValues.poolId(poolId),
                PathValues.number(number)));
    }

    @Serdeable
    @Schema(name = "MemberPatch", description = "a merge patch: absent fields stay; campaign_id null removes it")
    record MemberPatchRequest(@Nullable @Schema(minimum = "1", maximum = "1000") Integer weight,
                              @Nullable String campaign_id, @Nullable Boolean two_way_capable,
                              @Nullable @Schema(allowableValues = {"long_code", "toll_free"}) String type) {
    }

    @Patch("/{number:[^/]+}")
    @Consumes({"application/json", "application/merge-patch+json", "text/plain"})
    @Operation(operationId = "updateNumber",
            summary = "Change one member in place (weight, campaign_id, two_way_capable, type) under the"
            + " membership rules; 200 with the member")
    @RequestBody(content = @Content(schema = @Schema(implementation = MemberPatchRequest.class)))
    @ApiResponse(responseCode = "200", description = "the changed member",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberResponse.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    MemberResponse patch(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                         @PathVariable("number") String number, @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("weight", "campaign_id", "two_way_capable", "type"),
                Set.of("number", "provider", "country", "health", "added_at"));
        Integer weight = reader.integer("weight").orElse(null);
        Update<CampaignId> campaign = reader.update("campaign_id", n -> reader.value(n, CampaignId::new));
        Boolean twoWay = reader.bool("two_way_capable").orElse(null);
        NumberType type = reader.enumValue("type", NumberType.class).orElse(null);
        reader.done(null);
        MemberPatch patch = new MemberPatch(weight, campaign, twoWay, type);
        if (patch.isEmpty()) {
            throw DomainException.invalidField("body", "name at least one of weight, campaign_id, two_way_capable, type");
        }
        return MemberResponse.of(updateMember.updateMember(new UpdateMemberCommand(Callers.of(request),
                PathValues.poolId(poolId), PathValues.number(number), patch)));
    }

    @Delete("/{number:[^/]+}")
    @Operation(operationId = "removeNumber", summary = "Remove one member; 404 number.not_in_pool when it is not one")
    @ApiResponse(responseCode = "204", description = "removed")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                              @PathVariable("number") String number) {
        removeNumber.removeNumber(Callers.of(request), PathValues.poolId(poolId), PathValues.number(number));
        return HttpResponse.noContent();
    }

}
