package dev.poolkeeper.adapters.rest.selection;

import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.ProblemResponses;
import dev.poolkeeper.application.port.in.selection.SelectSenderCommand;
import dev.poolkeeper.application.port.in.selection.SelectSenderUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import java.util.Set;

@Controller("/v1/pools/{pool_id}/sender-selections")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Choosing a sender and sending")
@CommonProblems
@ApiResponse(responseCode = "404", description = "no such resource in this account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class SenderSelectionController {
    private final SelectSenderUseCase select;
    private final JsonMapper json;

    SenderSelectionController(SelectSenderUseCase select, JsonMapper json) {
        this.select = select;
        this.json = json;
    }

    @Serdeable
    @Schema(name = "SenderSelectionRequest")
    record SelectionRequest(@Schema(example = "+12125550100", requiredMode = Schema.RequiredMode.REQUIRED) String to,
                            @Nullable @Schema(description = "choose without recording anything") Boolean dry_run) {
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "selectSender",
            summary = "Choose the sender for a recipient and explain why (422 when the recipient cannot be served)")
    @RequestBody(content = @Content(schema = @Schema(implementation = SelectionRequest.class)))
    @ApiResponse(responseCode = "200", description = "the decision and its trace",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SelectionResponse.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the request cannot be served as asked (the code says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    MutableHttpResponse<?> select(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                  @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("to", "dry_run"), Set.of());
        String to = reader.required("to", reader::string).orElse(null);
        boolean dryRun = reader.bool("dry_run").orElse(false);
        reader.done(to);
        Decision decision = select.selectSender(new SelectSenderCommand(Callers.of(request),
                PathValues.poolId(poolId), PhoneNumber.parse(to), dryRun));
        if (decision instanceof Decision.Selected s) {
            return HttpResponse.ok(SelectionResponse.of(s));
        }
        if (decision instanceof Decision.AlphanumericSender a) {
            return HttpResponse.ok(SelectionResponse.of(a));
        }
        return refused((Decision.Refused) decision);
    }

    static MutableHttpResponse<?> refused(Decision.Refused r) {
        MutableHttpResponse<?> response = ProblemResponses.of(ProblemResponses.problem(r.code(), r.message(),
                java.util.List.of(), null).withTrace(SelectionResponse.trace(r.trace())));
        if (r.code() == ErrorCode.SELECTION_CAPACITY_EXHAUSTED) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response;
    }
}
