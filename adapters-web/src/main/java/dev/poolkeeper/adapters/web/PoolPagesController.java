package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.MemberRow;
import dev.poolkeeper.adapters.web.view.PoolRow;
import dev.poolkeeper.adapters.web.view.Settings;
import dev.poolkeeper.adapters.web.view.SettingsForm;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.ListNumbersQuery;
import dev.poolkeeper.application.port.in.number.ListMemberDetailsUseCase;
import dev.poolkeeper.application.port.in.number.ListMemberDetailsUseCase.MemberDetail;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolsQuery;
import dev.poolkeeper.application.port.in.pool.ListPoolOverviewsUseCase;
import dev.poolkeeper.domain.number.MemberFilter;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolFilter;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolStatus;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.WireName;
import dev.poolkeeper.domain.sync.SyncState;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The pools of the signed-in account, and one pool with its settings and numbers, paged as the API pages. */
@Controller(ConsolePaths.POOLS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class PoolPagesController {
    private final ListPoolOverviewsUseCase pools;
    private final GetPoolUseCase pool;
    private final ListMemberDetailsUseCase numbers;

    PoolPagesController(ListPoolOverviewsUseCase pools, GetPoolUseCase pool, ListMemberDetailsUseCase numbers) {
        this.pools = pools;
        this.pool = pool;
        this.numbers = numbers;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue String name,
                                           @Nullable @QueryValue String provider,
                                           @Nullable @QueryValue("message_type") String messageType,
                                           @Nullable @QueryValue String status,
                                           @Nullable @QueryValue String after) {
        Caller caller = ConsoleRequests.caller(request);
        String wanted = name == null ? "" : name.strip();
        String wantedProvider = provider == null ? "" : provider.strip();
        String wantedType = messageType == null ? "" : messageType.strip();
        String wantedStatus = status == null ? "" : status.strip();
        Optional<PoolName> filter = wanted.isEmpty() ? Optional.empty() : parsedName(wanted);
        Optional<Provider> byProvider = WireName.parse(Provider.class, wantedProvider);
        Optional<MessageType> byType = WireName.parse(MessageType.class, wantedType);
        Optional<PoolStatus> byStatus = WireName.parse(PoolStatus.class, wantedStatus);
        boolean unmatchable = filter.isEmpty() && !wanted.isEmpty() || byProvider.isEmpty() && !wantedProvider.isEmpty()
                || byType.isEmpty() && !wantedType.isEmpty() || byStatus.isEmpty() && !wantedStatus.isEmpty();
        Page<ListPoolOverviewsUseCase.PoolOverview> page = unmatchable ? new Page<>(List.of(), OptionalLong.empty())
                : pools.listPoolOverviews(new ListPoolsQuery(caller, new PoolFilter(byStatus, byType,
                        byProvider, filter), Pages.of(after)));
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("pools", page.items().stream().map(PoolPagesController::row).toList());
        model.put("name", wanted);
        model.put("provider", wantedProvider);
        model.put("messageType", wantedType);
        model.put("status", wantedStatus);
        model.put("next", Pages.next(page));
        model.put("providers", sendingProviders());
        return new ModelAndView<>("pools", model);
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String after) {
        Caller caller = ConsoleRequests.caller(request);
        NumberPool p;
        Page<MemberDetail> members;
        try {
            PoolId poolId = new PoolId(id);
            p = pool.getPool(caller, poolId);
            members = numbers.listMemberDetails(new ListNumbersQuery(caller, poolId, MemberFilter.none(), Pages.of(after)));
        } catch (IllegalArgumentException | DomainException e) {
            return ConsoleRequests.notFound("pool");
        }
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("id", p.id().value());
        model.put("name", p.name().value());
        model.put("members", p.numberCount());
        model.put("settings", Settings.of(p));
        model.put("form", SettingsForm.of(p));
        model.put("rows", members.items().stream().map(MemberRow::of).toList());
        model.put("next", Pages.next(members));
        model.put("providers", sendingProviders());
        return HttpResponse.ok(new ModelAndView<>("pool", model));
    }

    private static Optional<PoolName> parsedName(String name) {
        try {
            return Optional.of(new PoolName(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static List<String> sendingProviders() {
        return Arrays.stream(Provider.values()).filter(Provider::sends).map(Provider::wireName).toList();
    }

    private static PoolRow row(ListPoolOverviewsUseCase.PoolOverview o) {
        NumberPool p = o.pool();
        String sync = o.parts().isEmpty() ? "—" : o.parts().stream()
                .map(part -> part.provider().wireName() + ": " + part.state().wireName()).collect(Collectors.joining(", "));
        boolean trouble = o.parts().stream().anyMatch(part -> part.state() == SyncState.FAILED
                || part.state() == SyncState.DRIFTED);
        return new PoolRow(p.id().value(), p.name().value(), p.status().wireName(), p.numberCount(), o.unhealthy(),
                providers(p), sync, trouble, p.settings().optOutList().map(l -> l.value()).orElse("its own"),
                p.updatedAt());
    }

    private static String providers(NumberPool p) {
        return p.providers().isEmpty() ? "—" : p.providers().stream().map(Provider::wireName).sorted()
                .collect(Collectors.joining(", "));
    }
}
