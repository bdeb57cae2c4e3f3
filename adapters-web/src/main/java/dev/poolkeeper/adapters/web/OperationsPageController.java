package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.EndpointRow;
import dev.poolkeeper.adapters.web.view.OpsRow;
import dev.poolkeeper.adapters.web.view.Times;
import dev.poolkeeper.application.port.in.account.OperationsUseCase;
import dev.poolkeeper.domain.event.DeliveryBacklog;
import dev.poolkeeper.domain.sync.SyncState;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * What waits or fails in the account: queues, provider parts not in sync, event endpoints with their deliveries
 * waiting (the outbox) and dead-lettered.
 */
@Controller(ConsolePaths.ROOT + "/operations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class OperationsPageController {
    /** A queue whose oldest due message waited longer than this is shown as trouble. */
    private static final Duration LATE = Duration.ofMinutes(5);

    private final OperationsUseCase operations;

    OperationsPageController(OperationsUseCase operations) {
        this.operations = operations;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
        OperationsUseCase.Operations ops = operations.operations(ConsoleRequests.caller(request));
        Instant now = Instant.now();
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("queues", ops.queues().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().oldestDue()))
                .map(e -> new OpsRow("/console/pools/" + e.getKey().value(), e.getKey().value(),
                        e.getValue().depth() + " due", "oldest due since " + Times.utc(e.getValue().oldestDue()),
                        e.getValue().oldestDue().isBefore(now.minus(LATE)))).toList());
        model.put("parts", ops.parts().stream().map(p -> new OpsRow("/console/pools/" + p.poolId().value() + "/sync",
                p.poolId().value() + " at " + p.provider().wireName(), p.state().wireName(),
                p.lastError().orElse(p.pendingOperations() + " operation(s) waiting"),
                p.state() == SyncState.FAILED || p.state() == SyncState.DRIFTED)).toList());
        model.put("endpoints", ops.endpoints().stream().map(e -> {
            DeliveryBacklog backlog = ops.deliveries(e.id());
            return new EndpointRow(e.id().value(), e.url().toString(),
                    !e.enabled() ? "disabled" : e.failingSince().isPresent() ? "failing" : "delivering",
                    e.disabledReason().orElse(e.failingSince().map(t -> "failing since " + Times.utc(t)).orElse("")),
                    backlog.waiting(), backlog.oldestWaiting().orElse(null), backlog.dead(),
                    !e.enabled() || e.failingSince().isPresent() || backlog.dead() > 0);
        }).toList());
        return new ModelAndView<>("operations", model);
    }
}
