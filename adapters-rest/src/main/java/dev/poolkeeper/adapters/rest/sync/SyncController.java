package dev.poolkeeper.adapters.rest.sync;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.application.port.in.sync.GetSyncStatusUseCase;
import dev.poolkeeper.application.port.in.sync.PartPlan;
import dev.poolkeeper.application.port.in.sync.PlanSyncUseCase;
import dev.poolkeeper.application.port.in.sync.RequestSyncUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.sync.SyncPart;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Controller("/v1/pools/{pool_id}/sync")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Mirroring onto providers")
@CommonProblems
@ApiResponse(responseCode = "404", description = "no such resource in this account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class SyncController {
    private final GetSyncStatusUseCase status;
    private final PlanSyncUseCase plan;
    private final RequestSyncUseCase request;

    SyncController(GetSyncStatusUseCase status, PlanSyncUseCase plan, RequestSyncUseCase request) {
        this.status = status;
        this.plan = plan;
        this.request = request;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SyncPart")
    record PartResponse(@Schema(implementation = SendingProviderName.class) String provider,
                        @Nullable String provider_pool_id,
                        @Schema(allowableValues = {"in_sync", "pending", "drifted", "failed"}) String state,
                        @Nullable Instant last_synced_at, @Nullable String last_error, int pending_operations) {
        static PartResponse of(SyncPart p) {
            return new PartResponse(p.provider().wireName(), p.providerPoolId().orElse(null), p.state().wireName(),
                    p.lastSyncedAt().orElse(null), p.lastError().orElse(null), p.pendingOperations());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SyncStatus")
    record StatusResponse(List<PartResponse> providers) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SyncOperation")
    record OperationResponse(@Schema(allowableValues = {"create_pool", "update_pool", "add_numbers", "remove_numbers",
        "disable_deletion_protection", "delete_pool", "create_opt_out_list", "opt_out_numbers", "opt_in_numbers"})
        String operation, List<String> numbers,
                             Map<String, Object> settings) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SyncPartPlan")
    record PartPlanResponse(@Schema(implementation = SendingProviderName.class) String provider, @Nullable String provider_pool_id, List<OperationResponse> operations,
                            @Nullable String error) {
        static PartPlanResponse of(PartPlan p) {
            return new PartPlanResponse(p.provider().wireName(), p.providerPoolId().orElse(null),
                    p.operations().stream().map(o -> new OperationResponse(o.kind().wireName(),
                            o.numbers().stream().map(PhoneNumber::e164).toList(), o.settings())).toList(),
                    p.error().orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SyncPlan")
    record PlanResponse(List<PartPlanResponse> providers) {
    }

    @Get
    @Operation(operationId = "getSyncStatus", summary = "The pool's state at each provider it has numbers at")
    @ApiResponse(responseCode = "200", description = "each provider part",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusResponse.class)))
    StatusResponse status(HttpRequest<?> http, @PathVariable("pool_id") String poolId) {
        return new StatusResponse(status.getSyncStatus(Callers.of(http), PathValues.poolId(poolId)).stream()
                .map(PartResponse::of).toList());
    }

    @Post("/plan")
    @Operation(operationId = "planSync",
            summary = "Dry run: the provider operations a sync would perform now; nothing is performed")
    @ApiResponse(responseCode = "200", description = "the operations a sync would perform now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanResponse.class)))
    PlanResponse plan(HttpRequest<?> http, @PathVariable("pool_id") String poolId) {
        return new PlanResponse(plan.planSync(Callers.of(http), PathValues.poolId(poolId)).stream()
                .map(PartPlanResponse::of).toList());
    }

    @Post
    @Operation(operationId = "requestSync", summary = "Sync now: 202, a worker runs it; GET …/sync shows the outcome")
    @ApiResponse(responseCode = "202", description = "a sync is asked for",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusResponse.class)))
    HttpResponse<StatusResponse> sync(HttpRequest<?> http, @PathVariable("pool_id") String poolId) {
        PoolId id = PathValues.poolId(poolId);
        request.requestSync(Callers.of(http), id);
        return HttpResponse.accepted().body(new StatusResponse(status.getSyncStatus(Callers.of(http), id).stream()
                .map(PartResponse::of).toList()));
    }
}
