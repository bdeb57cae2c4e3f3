package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.DeliveryBar;
import dev.poolkeeper.adapters.web.view.TimelineRow;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolEventsUseCase;
import dev.poolkeeper.application.port.in.pool.PoolDeliveryDaysUseCase;
import dev.poolkeeper.domain.message.DeliveryDay;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pool's timeline, newest first: every change to it (settings, numbers), every health transition with what
 * led to it (the receipts and thresholds), syncs' drift repairs and failures — one time axis, paged, under a
 * chart of the delivered share of each of the last {@value #CHART_DAYS} days — to answer "what changed before
 * deliveries dropped".
 */
@Controller(ConsolePaths.POOLS + "/{id}/timeline")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class TimelinePagesController {
    /** How many days the delivered-share chart covers, today included. */
    static final int CHART_DAYS = 30;

    private final GetPoolUseCase pools;
    private final ListPoolEventsUseCase events;
    private final PoolDeliveryDaysUseCase days;

    TimelinePagesController(GetPoolUseCase pools, ListPoolEventsUseCase events, PoolDeliveryDaysUseCase days) {
        this.pools = pools;
        this.events = events;
        this.days = days;
    }

    @Get
    HttpResponse<?> timeline(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String after) {
        Caller caller = ConsoleRequests.caller(request);
        NumberPool pool;
        Page<PoolEvent> page;
        List<DeliveryDay> delivery;
        try {
            pool = pools.getPool(caller, new PoolId(id));
            page = events.listPoolEvents(caller, pool.id(), new PoolEventQuery(Set.of(), Optional.empty(),
                    Optional.empty(), true), Pages.of(after));
            delivery = days.deliveryDays(caller, pool.id(), CHART_DAYS);
        } catch (IllegalArgumentException | DomainException e) {
            return ConsoleRequests.notFound("pool");
        }
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("id", pool.id().value());
        model.put("name", pool.name().value());
        model.put("rows", page.items().stream().map(e -> new TimelineRow(e.occurredAt(), e.type().wireName()
                + " by " + e.actor(), change(e))).toList());
        model.put("next", Pages.next(page));
        List<DeliveryBar> bars = DeliveryBar.of(delivery);
        model.put("bars", bars);
        model.put("chartWidth", DeliveryBar.width(bars));
        model.put("receipts", delivery.stream().mapToLong(DeliveryDay::receipts).sum());
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
