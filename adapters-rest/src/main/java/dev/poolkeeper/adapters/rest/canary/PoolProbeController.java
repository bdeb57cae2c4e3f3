package dev.poolkeeper.adapters.rest.canary;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.pool.PoolId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Delivery probes from a pool's numbers to a canary inbox: run them, and read how they went. */
@Controller("/v1/pools/{pool_id}/probes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Canary inboxes")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class PoolProbeController {
    private final ProbesUseCase probes;
    private final JsonMapper json;

    PoolProbeController(ProbesUseCase probes, JsonMapper json) {
        this.probes = probes;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Probe")
    record ProbeResponse(String id, String pool_id, String inbox_id,
                         @Schema(description = "the pool's number the probe was sent from") String number,
                         @Schema(implementation = SendingProviderName.class) String provider,
                         @Schema(description = "the unique code the inbox is read for") String code,
                         @Schema(allowableValues = {"sent", "delivered", "lost", "inconclusive", "failed"}) String status,
                         @Nullable String detail, Instant sent_at, Instant deadline, @Nullable Instant arrived_at,
                         @Nullable @Schema(description = "from send to arrival, in milliseconds") Long latency_ms) {
        static ProbeResponse of(Probe p) {
            return new ProbeResponse(p.id().value(), p.poolId().value(), p.inboxId().value(), p.from().e164(),
                    p.provider().wireName(), p.code(), p.status().wireName(), p.detail().orElse(null), p.sentAt(),
                    p.deadline(), p.arrivedAt().orElse(null), p.latency().map(Duration::toMillis).orElse(null));
        }
    }

    @Serdeable
    @Schema(name = "ProbePage")
    record ProbePage(List<ProbeResponse> items, @Nullable String next_page_token) {
    }

    @Serdeable
    @Schema(name = "ProbeRun")
    record RunResponse(List<ProbeResponse> items) {
    }

    @Serdeable
    @Schema(name = "RunProbes")
    record RunRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String inbox_id,
                      @Nullable @Schema(description = "how many of the pool's numbers to probe, those probed longest"
                              + " ago first (1-100, default 10)") Integer sample) {
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "runProbes", summary = "Send a probe with a unique code from each of a sample of the"
            + " pool's numbers to a canary inbox; the inbox is then read for the codes")
    @RequestBody(content = @Content(schema = @Schema(implementation = RunRequest.class)))
    @ApiResponse(responseCode = "202", description = "the probes as sent (sent, or failed when the provider did not"
            + " take one)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RunResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the inbox is not active, or its probes are paused"
            + " (canary_inbox.not_probeable)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<RunResponse> run(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                  @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("inbox_id", "sample"), Set.of());
        String inbox = reader.required("inbox_id", reader::string).orElse(null);
        Optional<Integer> sample = reader.integer("sample");
        reader.done(null);
        List<Probe> sent = probes.probePool(Callers.of(request), PathValues.poolId(poolId), PathValues.canaryInboxId(inbox),
                sample);
        return HttpResponse.accepted().body(new RunResponse(sent.stream().map(ProbeResponse::of).toList()));
    }

    @Get
    @Operation(operationId = "listProbes", summary = "The pool's probes, oldest first: delivered (with latency), lost,"
            + " inconclusive, failed, or still awaited")
    @ApiResponse(responseCode = "200", description = "a page of probes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProbePage.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PageResponse<ProbeResponse> list(HttpRequest<?> request, @PathVariable("pool_id") String poolId,
                                     @QueryValue @Nullable Integer page_size, @QueryValue @Nullable String page_token) {
        PoolId id = PathValues.poolId(poolId);
        return PageResponse.of(probes.listProbes(Callers.of(request), id, PageTokens.request(page_size, page_token)),
                ProbeResponse::of);
    }
}
