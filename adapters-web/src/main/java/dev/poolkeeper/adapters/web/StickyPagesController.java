package dev.poolkeeper.adapters.web;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.selection.GetStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.PinStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.ResetStickySenderUseCase;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A recipient's sticky sender in a pool: looked up, pinned to a member, or reset. */
@Controller(ConsolePaths.POOLS + "/{id}/sticky")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
final class StickyPagesController {
    private final GetStickySenderUseCase get;
    private final PinStickySenderUseCase pin;
    private final ResetStickySenderUseCase reset;

    StickyPagesController(GetStickySenderUseCase get, PinStickySenderUseCase pin, ResetStickySenderUseCase reset) {
        this.get = get;
        this.pin = pin;
        this.reset = reset;
    }

    /** {@code action}: {@code look} (the default), {@code pin} (to {@code sender}) or {@code reset}. */
    @Post
    ModelAndView<Map<String, Object>> sticky(HttpRequest<?> request, @PathVariable String id,
                                             @Body Map<String, String> form) {
        Caller caller = ConsoleRequests.caller(request);
        Map<String, Object> model = new LinkedHashMap<>();
        String to = form.getOrDefault("to", "").strip();
        model.put("id", id);
        model.put("to", to);
        String message = "";
        Optional<StickyMapping> mapping = Optional.empty();
        try {
            PoolId pool = new PoolId(id);
            PhoneNumber recipient = PhoneNumber.parse(to);
            switch (form.getOrDefault("action", "look")) {
                case "pin" -> {
                    mapping = Optional.of(pin.pinStickySender(caller, pool, recipient,
                            PhoneNumber.parse(form.getOrDefault("sender", ""))));
                    message = "Pinned: the next message to " + recipient.e164() + " goes from "
                            + mapping.get().sender().e164() + ".";
                }
                case "reset" -> {
                    reset.resetStickySender(caller, pool, recipient);
                    message = "Reset: the next message to " + recipient.e164() + " picks its sender again.";
                }
                default -> mapping = Optional.of(get.getStickySender(caller, pool, recipient));
            }
        } catch (DomainException e) {
            message = e.code() == ErrorCode.STICKY_SENDER_NOT_FOUND ? "No sticky sender for " + to + " in this pool."
                    : "Nothing changed: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            message = "Nothing changed: no such pool.";
        }
        model.put("message", message);
        model.put("sender", mapping.map(m -> m.sender().e164()).orElse(""));
        model.put("lastUsed", mapping.map(StickyMapping::lastUsedAt).orElse(Instant.EPOCH));
        return new ModelAndView<>("fragments/sticky", model);
    }
}
