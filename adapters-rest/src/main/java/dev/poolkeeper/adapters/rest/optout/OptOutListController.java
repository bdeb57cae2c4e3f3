package dev.poolkeeper.adapters.rest.optout;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.application.port.in.optout.CreateOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.DeleteOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.GetOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.ListOptOutListsUseCase;
import dev.poolkeeper.application.port.in.optout.ListOptedOutNumbersUseCase;
import dev.poolkeeper.application.port.in.optout.OptInNumberUseCase;
import dev.poolkeeper.application.port.in.optout.OptOutNumberUseCase;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;

@Controller("/v1/opt-out-lists")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Opt-out lists")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class OptOutListController {

    /** A page of OptOutListResponses, as the API answers lists; named for the API document. */
    @Schema(name = "OptOutListPage")
    record OptOutListPage(List<OptOutListResponse> items,
                  @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    /** A page of OptedOutNumberResponses, as the API answers lists; named for the API document. */
    @Schema(name = "OptedOutNumberPage")
    record OptedOutNumberPage(List<OptedOutNumberResponse> items,
                  @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }
    private final CreateOptOutListUseCase create;
    private final GetOptOutListUseCase get;
    private final ListOptOutListsUseCase list;
    private final DeleteOptOutListUseCase delete;
    private final ListOptedOutNumbersUseCase numbers;
    private final OptOutNumberUseCase optOut;
    private final OptInNumberUseCase optIn;
    private final JsonMapper json;

    OptOutListController(CreateOptOutListUseCase create, GetOptOutListUseCase get, ListOptOutListsUseCase list,
                         DeleteOptOutListUseCase delete, ListOptedOutNumbersUseCase numbers,
                         OptOutNumberUseCase optOut, OptInNumberUseCase optIn, JsonMapper json) {
        this.create = create;
        this.get = get;
        this.list = list;
        this.delete = delete;
        this.numbers = numbers;
        this.optOut = optOut;
        this.optIn = optIn;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OptOutList")
    record OptOutListResponse(String name, Instant created_at) {
        static OptOutListResponse of(OptOutList l) {
            return new OptOutListResponse(l.name().value(), l.createdAt());
        }
    }

    @Serdeable
    @Schema(name = "CreateOptOutList")
    record CreateRequest(@Schema(description = "1-64 [A-Za-z0-9_-]", requiredMode = Schema.RequiredMode.REQUIRED)
                         String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OptedOutNumber")
    record OptedOutNumberResponse(String number, Instant opted_out_at) {
        static OptedOutNumberResponse of(OptedOutNumber n) {
            return new OptedOutNumberResponse(n.number().e164(), n.optedOutAt());
        }
    }

    @Get
    @Operation(operationId = "listOptOutLists", summary = "The account's opt-out lists")
    @ApiResponse(responseCode = "200", description = "a page of lists",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OptOutListPage.class)))
    PageResponse<OptOutListResponse> list(HttpRequest<?> request, @QueryValue @Nullable Integer page_size,
                                          @QueryValue @Nullable String page_token) {
        return PageResponse.of(list.listOptOutLists(Callers.of(request), PageTokens.request(page_size, page_token)),
                OptOutListResponse::of);
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "createOptOutList",
            summary = "Create an opt-out list; 409 opt_out_list.name_taken when the name exists")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateRequest.class)))
    @ApiResponse(responseCode = "201", description = "the list",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OptOutListResponse.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<OptOutListResponse> create(HttpRequest<?> request, @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("name"), Set.of("created_at"));
        OptOutListName name = reader.required("name", n -> reader.value(n, OptOutListName::new)).orElse(null);
        reader.done(name);
        OptOutList created = create.createOptOutList(Callers.of(request), name);
        return HttpResponse.created(OptOutListResponse.of(created))
                .header(HttpHeaders.LOCATION, "/v1/opt-out-lists/" + created.name().value());
    }

    @Get("/{name}")
    @Operation(operationId = "getOptOutList", summary = "One opt-out list")
    @ApiResponse(responseCode = "200", description = "the list",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OptOutListResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    OptOutListResponse get(HttpRequest<?> request, @PathVariable("name") String name) {
        return OptOutListResponse.of(get.getOptOutList(Callers.of(request), listName(name)));
    }

    @Delete("/{name}")
    @Operation(operationId = "deleteOptOutList",
            summary = "Delete a list and its opt-outs; 409 opt_out_list.in_use while a pool names it")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable("name") String name) {
        delete.deleteOptOutList(Callers.of(request), listName(name));
        return HttpResponse.noContent();
    }

    @Get("/{name}/numbers")
    @Operation(operationId = "listOptedOutNumbers", summary = "The opted-out numbers of a list, oldest first")
    @ApiResponse(responseCode = "200", description = "a page of opted-out numbers",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OptedOutNumberPage.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PageResponse<OptedOutNumberResponse> numbers(HttpRequest<?> request, @PathVariable("name") String name,
                                                 @QueryValue @Nullable Integer page_size,
                                                 @QueryValue @Nullable String page_token) {
        return PageResponse.of(numbers.listOptedOutNumbers(Callers.of(request), listName(name),
                PageTokens.request(page_size, page_token)), OptedOutNumberResponse::of);
    }

    @Put("/{name}/numbers/{number:[^/]+}")
    @Operation(operationId = "optOutNumber", summary = "Opt a number out (idempotent: the first opt-out time is kept)")
    @ApiResponse(responseCode = "200", description = "the number is opted out",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OptedOutNumberResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    OptedOutNumberResponse optOut(HttpRequest<?> request, @PathVariable("name") String name,
                                  @PathVariable("number") String number) {
        return OptedOutNumberResponse.of(optOut.optOutNumber(Callers.of(request), listName(name),
                PathValues.number(number)));
    }

    @Delete("/{name}/numbers/{number:[^/]+}")
    @Operation(operationId = "optInNumber",
            summary = "Opt a number back in; 404 opt_out.not_found when it was not opted out")
    @ApiResponse(responseCode = "204", description = "opted back in")
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> optIn(HttpRequest<?> request, @PathVariable("name") String name,
                             @PathVariable("number") String number) {
        optIn.optInNumber(Callers.of(request), listName(name), PathValues.number(number));
        return HttpResponse.noContent();
    }

    private static OptOutListName listName(String raw) {
        try {
            return new OptOutListName(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.OPT_OUT_LIST_NOT_FOUND, "no such opt-out list");
        }
    }
}
