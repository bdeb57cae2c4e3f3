package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.OptOutChangeRow;
import dev.poolkeeper.adapters.web.view.OptedOutRow;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.GetOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.ListOptOutListsUseCase;
import dev.poolkeeper.application.port.in.optout.ListOptedOutNumbersUseCase;
import dev.poolkeeper.application.port.in.optout.OptInNumberUseCase;
import dev.poolkeeper.application.port.in.optout.OptOutNumberUseCase;
import dev.poolkeeper.application.port.in.optout.OptOutStatusUseCase;
import dev.poolkeeper.application.port.in.optout.RecentOptOutChangesUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.core.annotation.Nullable;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opt-out lists: the account's named lists, and one list (a named one, or a pool's own by the pool's id) with
 * its numbers, where an operator opts a number out or back in; and the account's recent STOPs and STARTs.
 */
@Controller(ConsolePaths.ROOT + "/opt-outs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class OptOutPagesController {
    /** How many recent opt-out changes the lists page shows. */
    static final int RECENT = 50;

    private final ListOptOutListsUseCase lists;
    private final GetOptOutListUseCase list;
    private final ListOptedOutNumbersUseCase numbers;
    private final OptOutNumberUseCase optOut;
    private final OptInNumberUseCase optIn;
    private final OptOutStatusUseCase status;
    private final RecentOptOutChangesUseCase recent;

    OptOutPagesController(ListOptOutListsUseCase lists, GetOptOutListUseCase list, ListOptedOutNumbersUseCase numbers,
                          OptOutNumberUseCase optOut, OptInNumberUseCase optIn, OptOutStatusUseCase status,
                          RecentOptOutChangesUseCase recent) {
        this.recent = recent;
        this.status = status;
        this.lists = lists;
        this.list = list;
        this.numbers = numbers;
        this.optOut = optOut;
        this.optIn = optIn;
    }

    @Get
    HttpResponse<?> lists(HttpRequest<?> request, @Nullable @QueryValue("list") String open) {
        if (open != null && !open.isBlank()) {
            return HttpResponse.seeOther(java.net.URI.create(ConsolePaths.ROOT + "/opt-outs/"
                    + java.net.URLEncoder.encode(open.strip(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        Page<OptOutList> page = lists.listOptOutLists(ConsoleRequests.caller(request), PageRequest.first(PageRequest.MAX_SIZE));
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("names", page.items().stream().map(l -> l.name().value()).toList());
        model.put("recent", recent.recentOptOutChanges(ConsoleRequests.caller(request), RECENT).stream()
                .map(OptOutChangeRow::of).toList());
        return HttpResponse.ok(new ModelAndView<>("optouts", model));
    }

    @Get("/{name}")
    HttpResponse<?> list(HttpRequest<?> request, @PathVariable String name, @Nullable @QueryValue String after) {
        Caller caller = ConsoleRequests.caller(request);
        try {
            OptOutListName listName = new OptOutListName(name);
            list.getOptOutList(caller, listName);
            Map<String, Object> model = numbers(caller, listName, after, "");
            model.put("csrf", ConsoleRequests.session(request).csrfToken());
            return HttpResponse.ok(new ModelAndView<>("optoutlist", model));
        } catch (IllegalArgumentException | DomainException e) {
            return ConsoleRequests.notFound("opt-out list");
        }
    }

    /** Whether one number is on the list. */
    @Get("/{name}/lookup")
    HttpResponse<?> lookUp(HttpRequest<?> request, @PathVariable String name, @Nullable @QueryValue String number) {
        String answer;
        try {
            PhoneNumber wanted = PhoneNumber.parse(number == null ? "" : number);
            answer = status.isOptedOut(ConsoleRequests.caller(request), new OptOutListName(name), wanted)
                    ? wanted.e164() + " is on this list: no pool using it sends to it."
                    : wanted.e164() + " is not on this list.";
        } catch (DomainException e) {
            answer = e.getMessage();
        } catch (IllegalArgumentException e) {
            answer = "No such opt-out list.";
        }
        return HttpResponse.ok(new ModelAndView<>("fragments/lookup", Map.of("answer", answer)));
    }

    /** Opts a number out ({@code action=out}) or back in ({@code action=in}); answers with the list's numbers. */
    @Post("/{name}/numbers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    ModelAndView<Map<String, Object>> change(HttpRequest<?> request, @PathVariable String name,
                                             @Body Map<String, String> form) {
        Caller caller = ConsoleRequests.caller(request);
        OptOutListName listName = new OptOutListName(name);
        String message;
        try {
            PhoneNumber number = PhoneNumber.parse(form.getOrDefault("number", ""));
            if ("in".equals(form.get("action"))) {
                optIn.optInNumber(caller, listName, number);
                message = number.e164() + " is opted back in.";
            } else {
                optOut.optOutNumber(caller, listName, number);
                message = number.e164() + " is opted out: no pool using this list sends to it.";
            }
        } catch (DomainException e) {
            message = "Nothing changed: " + e.getMessage();
        }
        return new ModelAndView<>("fragments/optedout", numbers(caller, listName, null, message));
    }

    private Map<String, Object> numbers(Caller caller, OptOutListName name, @Nullable String after, String message) {
        Page<OptedOutNumber> page = numbers.listOptedOutNumbers(caller, name, Pages.of(after));
        List<OptedOutRow> rows = page.items().stream().map(n -> new OptedOutRow(n.number().e164(), n.optedOutAt()))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name.value());
        model.put("rows", rows);
        model.put("message", message);
        model.put("next", Pages.next(page));
        return model;
    }
}
