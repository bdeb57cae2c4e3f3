package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.MessageRow;
import dev.poolkeeper.adapters.web.view.TimelineRow;
import dev.poolkeeper.adapters.web.view.TraceRow;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.messaging.GetMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.ListMessagesUseCase;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.message.StatusChange;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.WireName;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's messages: searched by recipient, status and day (UTC), newest first and paged as the API
 * pages; and one message's life as a timeline of its statuses and attempts, with the decision's trace.
 */
@Controller(ConsolePaths.ROOT + "/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class MessagePagesController {
    private final ListMessagesUseCase messages;
    private final GetMessageUseCase message;

    MessagePagesController(ListMessagesUseCase messages, GetMessageUseCase message) {
        this.messages = messages;
        this.message = message;
    }

    @Get
    ModelAndView<Map<String, Object>> search(HttpRequest<?> request, @Nullable @QueryValue String to,
                                             @Nullable @QueryValue String status, @Nullable @QueryValue String day,
                                             @Nullable @QueryValue String after) {
        Caller caller = ConsoleRequests.caller(request);
        String wantedTo = to == null ? "" : to.strip();
        String wantedStatus = status == null ? "" : status.strip();
        String wantedDay = day == null ? "" : day.strip();
        List<String> problems = new ArrayList<>();
        Optional<PhoneNumber> recipient = Optional.empty();
        if (!wantedTo.isEmpty()) {
            try {
                recipient = Optional.of(PhoneNumber.parse(wantedTo));
            } catch (DomainException e) {
                problems.add("The recipient is not a phone number.");
            }
        }
        Optional<MessageStatus> state = wantedStatus.isEmpty() ? Optional.empty()
                : WireName.parse(MessageStatus.class, wantedStatus);
        Optional<Instant> since = Optional.empty();
        Optional<Instant> until = Optional.empty();
        if (!wantedDay.isEmpty()) {
            try {
                LocalDate date = LocalDate.parse(wantedDay);
                since = Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
                until = Optional.of(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                problems.add("The day is not a date (yyyy-mm-dd).");
            }
        }
        Page<Message> page = problems.isEmpty()
                ? messages.list(caller, new MessageFilter(Optional.empty(), state, recipient, Optional.empty(),
                        Optional.empty(), since, until, Optional.empty()), Pages.of(after))
                : new Page<>(List.of(), java.util.OptionalLong.empty());
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("rows", page.items().stream().map(m -> new MessageRow(m.id().value(), m.poolId().value(),
                m.sender().from(), m.to().e164(), m.sender().provider().wireName(), m.status().wireName(),
                m.sender().reason().wireName(), m.createdAt())).toList());
        model.put("to", wantedTo);
        model.put("status", wantedStatus);
        model.put("day", wantedDay);
        model.put("statuses", Arrays.stream(MessageStatus.values()).map(MessageStatus::wireName).toList());
        model.put("problem", String.join(" ", problems));
        model.put("next", Pages.next(page));
        return new ModelAndView<>("messages", model);
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
        Message m;
        try {
            m = message.getMessage(ConsoleRequests.caller(request), new MessageId(id));
        } catch (IllegalArgumentException | DomainException e) {
            return ConsoleRequests.notFound("message");
        }
        List<TimelineRow> timeline = new ArrayList<>();
        for (SendAttempt a : m.attempts()) {
            timeline.add(new TimelineRow(a.at(), "attempt from " + a.from() + " at " + a.provider().wireName(),
                    a.outcome().wireName() + (a.code() == null ? "" : " " + a.code())
                            + (a.detail() == null ? "" : ": " + a.detail())));
        }
        // an attempt and the status it caused share their moment: the attempt comes first (the sort is stable)
        for (StatusChange c : m.transitions()) {
            timeline.add(new TimelineRow(c.at(), c.status().wireName(), ""));
        }
        timeline.sort(Comparator.comparing(TimelineRow::at));
        Map<String, Object> model = ConsoleRequests.model(request);
        model.put("row", new MessageRow(m.id().value(), m.poolId().value(), m.sender().from(), m.to().e164(),
                m.sender().provider().wireName(), m.status().wireName(), m.sender().reason().wireName(),
                m.createdAt()));
        model.put("timeline", timeline);
        model.put("trace", m.trace().stream().map(t -> new TraceRow(t.step(), t.candidates(), t.note())).toList());
        model.put("error", m.errorCode().map(c -> c + m.errorMessage().map(e -> ": " + e).orElse("")).orElse(""));
        model.put("providerId", m.providerMessageId().orElse(""));
        return HttpResponse.ok(new ModelAndView<>("message", model));
    }
}
