package dev.poolkeeper.adapters.rest.canary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.canary.ProbeSchedulesUseCase;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.domain.canary.ProbeSchedule;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** A pool's probes on a schedule. */
@Controller("/v1/pools/{pool_id}/probe-schedule")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Canary inboxes")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class ProbeScheduleController {
    private final ProbeSchedulesUseCase schedules;
    private final JsonMapper json;

    ProbeScheduleController(ProbeSchedulesUseCase schedules, JsonMapper json) {
        this.schedules = schedules;
        this.json = json;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ProbeSchedule")
    record ScheduleResponse(String pool_id, String inbox_id, int sample,
                            @Schema(example = "PT1H", description = "ISO-8601 duration between runs") String interval,
                            Instant next_run_at, @Nullable Instant last_run_at,
                            @Nullable @Schema(description = "what the last run did") String last_result,
                            Instant created_at, Instant updated_at) {
        static ScheduleResponse of(ProbeSchedule s) {
            return new ScheduleResponse(s.poolId().value(), s.inboxId().value(), s.sample(), s.interval().toString(),
                    s.nextRunAt(), s.lastRunAt().orElse(null), s.lastResult().orElse(null), s.createdAt(),
                    s.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "PutProbeSchedule")
    record PutRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String inbox_id,
                      @Nullable @Schema(description = "numbers per run, probed longest ago first (1-100, default 10)")
                      Integer sample,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PT1H",
                              description = "ISO-8601 duration between runs; at least the instance's minimum"
                                      + " (POOLKEEPER_CANARY_MIN_SCHEDULE_INTERVAL, 15 minutes by default)")
                      String interval) {
    }

    @Put
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "putProbeSchedule", summary = "Probe the pool on a schedule (replaces its schedule);"
            + " the first run is due at once")
    @RequestBody(content = @Content(schema = @Schema(implementation = PutRequest.class)))
    @ApiResponse(responseCode = "200", description = "the schedule",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    ScheduleResponse put(HttpRequest<?> request, @PathVariable("pool_id") String poolId, @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("inbox_id", "sample", "interval"), Set.of("pool_id", "next_run_at", "last_run_at",
                "last_result", "created_at", "updated_at"));
        String inbox = reader.required("inbox_id", reader::string).orElse(null);
        int sample = reader.integer("sample").orElse(ProbesUseCase.DEFAULT_SAMPLE);
        Duration interval = reader.required("interval", n -> reader.value(n, ProbeScheduleController::duration))
                .orElse(null);
        reader.done(null);
        return ScheduleResponse.of(schedules.putProbeSchedule(Callers.of(request), PathValues.poolId(poolId),
                PathValues.canaryInboxId(inbox), sample, interval));
    }

    @Get
    @Operation(operationId = "getProbeSchedule", summary = "The pool's probe schedule and what its last run did")
    @ApiResponse(responseCode = "200", description = "the schedule",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such pool, or it has no schedule (probe_schedule.not_found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    ScheduleResponse get(HttpRequest<?> request, @PathVariable("pool_id") String poolId) {
        return ScheduleResponse.of(schedules.getProbeSchedule(Callers.of(request), PathValues.poolId(poolId)));
    }

    @Delete
    @Operation(operationId = "deleteProbeSchedule", summary = "Stop probing the pool on a schedule")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such pool, or it has no schedule (probe_schedule.not_found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable("pool_id") String poolId) {
        schedules.deleteProbeSchedule(Callers.of(request), PathValues.poolId(poolId));
        return HttpResponse.noContent();
    }

    private static Duration duration(String raw) {
        try {
            return Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration such as PT1H");
        }
    }
}
