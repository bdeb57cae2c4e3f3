package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.PartRow;
import dev.poolkeeper.adapters.web.view.PlanRow;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.sync.GetSyncStatusUseCase;
import dev.poolkeeper.application.port.in.sync.PartPlan;
import dev.poolkeeper.application.port.in.sync.PlanSyncUseCase;
import dev.poolkeeper.application.port.in.sync.RequestSyncUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.sync.SyncOperation;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pool's mirror at its providers: each part's state and last error, the plan a sync would carry out now
 * (read from the providers, nothing written), and a sync run on request.
 */
@Controller(ConsolePaths.POOLS + "/{id}/sync")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SyncPagesController {
    /** Numbers an operation lists by name; the rest are counted. */
    private static final int NAMED = 10;

    private final GetPoolUseCase pools;
    private final GetSyncStatusUseCase status;
    private final PlanSyncUseCase plan;
    private final RequestSyncUseCase request;

    SyncPagesController(GetPoolUseCase pools, GetSyncStatusUseCase status, PlanSyncUseCase plan,
                        RequestSyncUseCase request) {
        this.pools = pools;
        this.status = status;
        this.plan = plan;
        this.request = request;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> http, @PathVariable String id) {
        Caller caller = ConsoleRequests.caller(http);
        NumberPool pool;
        try {
            pool = pools.getPool(caller, new PoolId(id));
        } catch (IllegalArgumentException | DomainException e) {
            return ConsoleRequests.notFound("pool");
        }
        Map<String, Object> model = statusModel(caller, pool.id(), "");
        model.put("csrf", ConsoleRequests.session(http).csrfToken());
        model.put("name", pool.name().value());
        return HttpResponse.ok(new ModelAndView<>("sync", model));
    }

    @Get("/status")
    ModelAndView<Map<String, Object>> status(HttpRequest<?> http, @PathVariable String id) {
        return new ModelAndView<>("fragments/syncstatus", statusModel(ConsoleRequests.caller(http), new PoolId(id), ""));
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    ModelAndView<Map<String, Object>> sync(HttpRequest<?> http, @PathVariable String id) {
        Caller caller = ConsoleRequests.caller(http);
        request.requestSync(caller, new PoolId(id));
        return new ModelAndView<>("fragments/syncstatus", statusModel(caller, new PoolId(id),
                "Sync requested: a worker carries it out within seconds."));
    }

    @Get("/plan")
    ModelAndView<Map<String, Object>> plan(HttpRequest<?> http, @PathVariable String id) {
        List<PlanRow> rows = plan.planSync(ConsoleRequests.caller(http), new PoolId(id)).stream()
                .map(SyncPagesController::row).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("plans", rows);
        return new ModelAndView<>("fragments/syncplan", model);
    }

    private Map<String, Object> statusModel(Caller caller, PoolId poolId, String message) {
        List<SyncPart> parts = status.getSyncStatus(caller, poolId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", poolId.value());
        model.put("parts", parts.stream().map(p -> new PartRow(p.provider().wireName(), p.providerPoolId().orElse("—"),
                p.state().wireName(), p.lastSyncedAt().map(Object::toString).orElse(""), p.lastError().orElse(""),
                p.pendingOperations())).toList());
        model.put("busy", parts.stream().anyMatch(p -> p.state() == SyncState.PENDING));
        model.put("message", message);
        return model;
    }

    private static PlanRow row(PartPlan p) {
        return new PlanRow(p.provider().wireName(), p.providerPoolId().orElse("(none yet)"),
                p.operations().stream().map(SyncPagesController::words).toList(), p.error().orElse(""));
    }

    /** An operation as an operator reads it: what it does, to which numbers, with which settings. */
    static String words(SyncOperation op) {
        StringBuilder text = new StringBuilder(op.kind().wireName().replace('_', ' '));
        if (!op.numbers().isEmpty()) {
            text.append(' ').append(op.numbers().stream().limit(NAMED).map(PhoneNumber::e164)
                    .collect(Collectors.joining(", ")));
            if (op.numbers().size() > NAMED) {
                text.append(" and ").append(op.numbers().size() - NAMED).append(" more");
            }
        }
        if (!op.settings().isEmpty()) {
            text.append(" with ").append(op.settings().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }
}
