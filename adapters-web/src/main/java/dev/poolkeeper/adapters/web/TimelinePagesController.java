package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.TimelineRow;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolEventsUseCase;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pool's timeline, newest first: every change to it (settings, numbers), every health transition with what
 * led to it (the receipts and thresholds), syncs' drift repairs and failures — one time axis, paged, to
 * answer "what changed before deliveries dropped".
 */
@Controller(ConsolePaths.POOLS + "/{id}/timeline")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class TimelinePagesController {
    private final GetPoolUseCase pools;
    private final ListPoolEventsUseCase events;

    TimelinePagesController(GetPoolUseCase pools, ListPoolEventsUseCase events) {
        this.pools = pools;
        this.events = events;
    }

    @Get
    HttpResponse<?> timeline(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String after) {
        Caller caller = ConsoleRequests.caller(request);
        NumberPool pool;
        Page<PoolEvent> page;
        try {
            pool = pools.getPool(caller, new PoolId(id));
            page = events.listPoolEvents(caller, pool.id(), new PoolEventQuery(Set.of(), Optional.empty(),
                    Optional.empty(), true), Pages.of(after));
        } catch (IllegalArgumentException | DomainException e) {
            return ConsoleRequests.notFound("pool");
        }
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("id", pool.id().value());
        model.put("name", pool.name().value());
        model.put("rows", page.items().stream().map(e -> new TimelineRow(e.occurredAt(), e.type().wireName()
                + " by " + e.actor(), change(e))).toList());
        model.put("next", Pages.next(page));
        return HttpResponse.ok(new ModelAndView<>("timeline", model));
    }

    /** What the event changed, in words: each field before → after. */
    static String change(PoolEvent e) {
        Map<String, Object> before = e.before() == null ? Map.of() : e.before();
        Map<String, Object> after = e.after() == null ? Map.of() : e.after();
        if (after.isEmpty()) {
            return words(before);
        }
        return after.entrySet().stream().map(a -> before.containsKey(a.getKey())
                && !String.valueOf(before.get(a.getKey())).equals(String.valueOf(a.getValue()))
                ? a.getKey() + ": " + before.get(a.getKey()) + " → " + a.getValue()
                : a.getKey() + ": " + a.getValue()).collect(Collectors.joining("; "));
    }

    private static String words(Map<String, Object> fields) {
        return fields.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining("; "));
    }
}
