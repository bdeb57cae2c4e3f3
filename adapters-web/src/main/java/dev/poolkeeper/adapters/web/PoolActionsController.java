package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.OutcomeRow;
import dev.poolkeeper.adapters.web.view.Settings;
import dev.poolkeeper.adapters.web.view.SettingsForm;
import dev.poolkeeper.adapters.web.view.TraceRow;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.number.AddNumbersUseCase;
import dev.poolkeeper.application.port.in.number.RemovalImpactUseCase;
import dev.poolkeeper.application.port.in.number.RemoveNumberUseCase;
import dev.poolkeeper.application.port.in.number.UpdateMemberCommand;
import dev.poolkeeper.application.port.in.number.UpdateMemberUseCase;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.pool.UpdatePoolCommand;
import dev.poolkeeper.application.port.in.pool.UpdatePoolUseCase;
import dev.poolkeeper.application.port.in.selection.SelectSenderCommand;
import dev.poolkeeper.application.port.in.selection.SelectSenderUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.MemberPatch;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.WireName;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an operator does on a pool's page, answered with the part of the page that changes: settings saved
 * against the version they were read at, numbers added from a pasted list (50 a call, a result per number),
 * and the sender a recipient would get, with its trace.
 */
@Controller(ConsolePaths.POOLS + "/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
final class PoolActionsController {
    /** As many as the API takes in one call. */
    static final int BATCH = 50;
    /** At most this many lines are read from one paste. */
    static final int MAX_LINES = 1_000;

    private final AddNumbersUseCase add;
    private final SelectSenderUseCase select;
    private final UpdatePoolUseCase update;
    private final GetPoolUseCase get;
    private final RemovalImpactUseCase impact;
    private final RemoveNumberUseCase remove;
    private final UpdateMemberUseCase member;

    PoolActionsController(AddNumbersUseCase add, SelectSenderUseCase select, UpdatePoolUseCase update,
                          GetPoolUseCase get, RemovalImpactUseCase impact, RemoveNumberUseCase remove,
                          UpdateMemberUseCase member) {
        this.member = member;
        this.add = add;
        this.select = select;
        this.update = update;
        this.get = get;
        this.impact = impact;
        this.remove = remove;
    }

    /** Changes a member's weight and two-way capability in place; answers in the removal/edit area. */
    @Post("/member")
    ModelAndView<Map<String, Object>> editMember(HttpRequest<?> request, @PathVariable String id,
                                                 @Body Map<String, String> form) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        String number = form.getOrDefault("number", "");
        model.put("number", number);
        model.put("removed", false);
        try {
            PoolMember changed = member.updateMember(new UpdateMemberCommand(ConsoleRequests.caller(request), pool(id),
                    PhoneNumber.parse(number), new MemberPatch(number(form, "weight"), null,
                    "true".equals(form.get("two_way_capable")), null)));
            model.put("message", "Saved " + changed.number().e164() + ": weight " + changed.weight()
                    + (changed.twoWayCapable() ? ", two-way capable." : "."));
            model.put("ok", true);
            model.put("edited", true);
        } catch (DomainException e) {
            model.put("message", "Nothing was saved: " + e.getMessage());
            model.put("ok", false);
        } catch (IllegalArgumentException e) {
            model.put("message", "Nothing was saved: " + e.getMessage() + ".");
            model.put("ok", false);
        }
        return new ModelAndView<>("fragments/member", model);
    }

    /** A member's edit form, and what removing it would cost, with the button that removes it. */
    @Get("/removal")
    @Consumes(MediaType.ALL)
    ModelAndView<Map<String, Object>> removal(HttpRequest<?> request, @PathVariable String id,
                                              @QueryValue String number) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        model.put("number", number);
        model.put("removed", false);
        try {
            RemovalImpactUseCase.RemovalImpact cost = impact.removalImpact(ConsoleRequests.caller(request), pool(id),
                    PhoneNumber.parse(number));
            model.put("number", cost.number().e164());
            model.put("message", cost.stickyRecipients() + " recipient(s) are stuck to it: their next message comes"
                    + " from another number. " + cost.soleAreaCode().map(code -> "It is the pool's only number with"
                    + " area code " + code + ": geomatch loses that area code.")
                    .orElse("Other numbers of the pool share its area code."));
            model.put("ok", true);
            model.put("weight", cost.member().weight());
            model.put("twoWay", cost.member().twoWayCapable());
        } catch (DomainException e) {
            model.put("message", e.getMessage());
            model.put("ok", false);
        }
        return new ModelAndView<>("fragments/member", model);
    }

    @Post("/removal")
    ModelAndView<Map<String, Object>> removeNumber(HttpRequest<?> request, @PathVariable String id,
                                                   @Body Map<String, String> form) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        String number = form.getOrDefault("number", "");
        model.put("number", number);
        try {
            remove.removeNumber(ConsoleRequests.caller(request), pool(id), PhoneNumber.parse(number));
            model.put("message", "Removed " + number + " from the pool.");
            model.put("ok", true);
            model.put("removed", true);
        } catch (DomainException e) {
            model.put("message", "Nothing was removed: " + e.getMessage());
            model.put("ok", false);
            model.put("removed", false);
        }
        return new ModelAndView<>("fragments/member", model);
    }

    /**
     * Saves the edited settings if the pool is still at the version the form was made from; otherwise saves
     * nothing and shows the pool as it is now, saying so.
     */
    @Post("/settings")
    HttpResponse<?> saveSettings(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        Caller caller = ConsoleRequests.caller(request);
        PoolId poolId = pool(id);
        NumberPool shown;
        String message;
        boolean failed = true;
        try {
            long version = Long.parseLong(form.getOrDefault("version", ""));
            Fallback fallback = WireName.parse(Fallback.class, form.getOrDefault("fallback", ""))
                    .orElseThrow(() -> new IllegalArgumentException("choose what happens when no number fits"));
            PoolPatch patch = new PoolPatch(null, null, Update.to(fallback),
                    fallback == Fallback.CUSTOM_FROM ? null : Update.reset(), null, Update.to(checked(form, "geomatch")),
                    Update.to(checked(form, "sticky_sender")), Update.to(number(form, "sticky_ttl_days")), Update.to(
                    number(form, "long_code_weight")), Update.to(number(form, "toll_free_weight")),
                    Update.to(checked(form, "skip_unhealthy")), null, null, null, null, null);
            shown = update.updatePool(new UpdatePoolCommand(caller, poolId, patch, OptionalLong.of(version)));
            message = "Saved: the pool is at version " + shown.version() + ".";
            failed = false;
        } catch (DomainException e) {
            shown = get.getPool(caller, poolId);
            message = e.code() == ErrorCode.POOL_VERSION_CONFLICT
                    ? "Someone changed this pool while you edited it (it is at version " + shown.version()
                    + " now): nothing was saved. The settings below are the current ones; make your change again."
                    : "Nothing was saved: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            shown = get.getPool(caller, poolId);
            message = "Nothing was saved: " + e.getMessage();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", shown.id().value());
        model.put("settings", Settings.of(shown));
        model.put("form", SettingsForm.of(shown));
        model.put("message", message);
        model.put("conflict", failed);
        return HttpResponse.ok(new ModelAndView<>("fragments/settings", model));
    }

    private static boolean checked(Map<String, String> form, String name) {
        return "true".equals(form.get(name));
    }

    private static int number(Map<String, String> form, String name) {
        try {
            return Integer.parseInt(form.getOrDefault(name, "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name.replace('_', ' ') + " must be a whole number");
        }
    }

    @Post("/numbers")
    HttpResponse<?> addNumbers(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        Caller caller = ConsoleRequests.caller(request);
        Optional<Provider> provider = WireName.parse(Provider.class, form.getOrDefault("provider", ""))
                .filter(Provider::sends);
        List<String> lines = Arrays.stream(form.getOrDefault("numbers", "").split("[\\r\\n,;]+")).map(String::strip)
                .filter(l -> !l.isEmpty()).limit(MAX_LINES).toList();
        List<OutcomeRow> rows = new ArrayList<>();
        String problem = provider.isEmpty() ? "Choose the numbers' provider."
                : lines.isEmpty() ? "Paste at least one number, one a line." : "";
        if (problem.isEmpty()) {
            try {
                CampaignId campaign = campaign(form.get("campaign_id"));
                for (int from = 0; from < lines.size(); from += BATCH) {
                    List<MemberRequest> batch = lines.subList(from, Math.min(lines.size(), from + BATCH)).stream()
                            .map(n -> new MemberRequest(n, provider.get(), null, campaign, false,
                                    MemberRequest.DEFAULT_WEIGHT))
                            .toList();
                    for (MemberOutcome o : add.addNumbers(new AddNumbersCommand(caller, pool(id), batch))) {
                        rows.add(new OutcomeRow(o.requested(), o.status().name().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '), o.status().isSuccess(), o.message() == null ? "" : o.message()));
                    }
                }
            } catch (DomainException e) {
                problem = e.getMessage();
            } catch (IllegalArgumentException e) {
                problem = "The campaign id " + e.getMessage() + ".";
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("problem", problem);
        return HttpResponse.ok(new ModelAndView<>("fragments/added", model));
    }

    @Post("/dry-run")
    HttpResponse<?> dryRun(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        Caller caller = ConsoleRequests.caller(request);
        Map<String, Object> model = new LinkedHashMap<>();
        String to = form.getOrDefault("to", "").strip();
        model.put("to", to);
        try {
            Decision d = select.selectSender(new SelectSenderCommand(caller, pool(id), PhoneNumber.parse(to), true));
            model.put("outcome", outcome(d));
            model.put("sent", !(d instanceof Decision.Refused));
            model.put("trace", d.trace().stream().map(PoolActionsController::row).toList());
        } catch (DomainException | IllegalArgumentException e) {
            model.put("outcome", e.getMessage());
            model.put("sent", false);
            model.put("trace", List.of());
        }
        return HttpResponse.ok(new ModelAndView<>("fragments/dryrun", model));
    }

    private static String outcome(Decision d) {
        if (d instanceof Decision.Selected s) {
            return "from " + s.sender().number().e164() + " (" + s.sender().type().wireName() + ", "
                    + s.sender().provider().wireName() + "), because: " + s.reason().wireName();
        }
        if (d instanceof Decision.AlphanumericSender a) {
            return "from the alphanumeric sender " + a.sender().value() + ", because: " + a.reason().wireName();
        }
        Decision.Refused r = (Decision.Refused) d;
        return "refused: " + r.code().code() + " — " + r.message();
    }

    private static TraceRow row(TraceStep t) {
        return new TraceRow(t.step(), t.candidates(), t.note());
    }

    private static PoolId pool(String id) {
        try {
            return new PoolId(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.POOL_NOT_FOUND, "No such pool.");
        }
    }

    private static CampaignId campaign(String raw) {
        return raw == null || raw.isBlank() ? null : new CampaignId(raw.strip());
    }
}
