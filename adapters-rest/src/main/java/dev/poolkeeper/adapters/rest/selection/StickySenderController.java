package dev.poolkeeper.adapters.rest.selection;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.application.port.in.selection.GetStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.PinStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.ResetStickySenderUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.selection.StickyMapping;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import java.util.Set;

@Controller("/v1/pools/{pool_id}/sticky-senders/{to:[^/]+}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Choosing a sender and sending")
@CommonProblems
@ApiResponse(responseCode = "404", description = "no such resource in this account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class StickySenderController {
    private final GetStickySenderUseCase get;
    private final PinStickySenderUseCase pin;
    private final ResetStickySenderUseCase reset;
    private final JsonMapper json;

    StickySenderController(GetStickySenderUseCase get, PinStickySenderUseCase pin, ResetStickySenderUseCase reset,
                           JsonMapper json) {
        this.get = get;
        this.pin = pin;
        this.reset = reset;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "StickySender")
    record StickySenderResponse(String to, String from, Instant created_at, Instant last_used_at) {
        static StickySenderResponse of(StickyMapping m) {
            return new StickySenderResponse(m.recipient().e164(), m.sender().e164(), m.createdAt(), m.lastUsedAt());
        }
    }

    @Serdeable
    @Schema(name = "PinStickySender")
    record PinRequest(@Schema(example = "+14155550100", requiredMode = Schema.RequiredMode.REQUIRED) String from) {
    }

    @Get
    @Operation(operationId = "getStickySender", summary = "The recipient's sticky sender (404 when none)")
    @ApiResponse(responseCode = "200", description = "the recipient's sender",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = StickySenderResponse.class)))
    StickySenderResponse find(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                              @PathVariable("to") String to) {
        return StickySenderResponse.of(get.getStickySender(Callers.of(request), PathValues.poolId(poolId),
                PathValues.number(to)));
    }

    @Put
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "pinStickySender", summary = "Pin the recipient to a sender of the pool")
    @RequestBody(content = @Content(schema = @Schema(implementation = PinRequest.class)))
    @ApiResponse(responseCode = "200", description = "the pinned mapping",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = StickySenderResponse.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the request cannot be served as asked (the code says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    StickySenderResponse pin(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                             @PathVariable("to") String to, @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("from"), Set.of("to", "created_at", "last_used_at"));
        String from = reader.required("from", reader::string).orElse(null);
        reader.done(from);
        return StickySenderResponse.of(pin.pinStickySender(Callers.of(request), PathValues.poolId(poolId),
                PathValues.number(to), PhoneNumber.parse(from)));
    }

    @Delete
    @Operation(operationId = "resetStickySender", summary = "Forget the recipient's sticky sender")
    @ApiResponse(responseCode = "204", description = "forgotten")
    HttpResponse<Void> reset(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                             @PathVariable("to") String to) {
        reset.resetStickySender(Callers.of(request), PathValues.poolId(poolId), PathValues.number(to));
        return HttpResponse.noContent();
    }
}
