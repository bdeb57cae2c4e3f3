package dev.poolkeeper.adapters.rest.canary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Idempotency;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.canary.CanaryInboxesUseCase;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canary inboxes: numbers rented with a readable inbox through the account's connection to a rental
 * provider. What renting costs is shown first; a rental needs an {@code Idempotency-Key}, and a retry with
 * the key leads back to the same inbox without renting again.
 */
@Controller("/v1/canary-inboxes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Canary inboxes")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class CanaryInboxController {
    private static final Logger LOG = LoggerFactory.getLogger(CanaryInboxController.class);

    private final CanaryInboxesUseCase inboxes;
    private final ProbesUseCase probes;
    private final JsonMapper json;
    private final Clock clock;

    CanaryInboxController(CanaryInboxesUseCase inboxes, ProbesUseCase probes, JsonMapper json, Clock clock) {
        this.inboxes = inboxes;
        this.probes = probes;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CanaryInbox")
    record InboxResponse(String id, String connection_id, String service, int days,
                         @Schema(allowableValues = {"renting", "active", "expired", "failed"}) String status,
                         @Nullable String rental_id, @Nullable @Schema(example = "+12125550100") String number,
                         @Nullable @Schema(description = "what the rental cost, in the provider account's currency")
                         String cost,
                         @Nullable Instant ends_at,
                         @Schema(description = "whole days until the rental ends (0 on its last day and after)")
                         long days_left,
                         @Nullable @Schema(description = "why it is renting still, failed or expired") String detail,
                         @Nullable @Schema(description = "why probes to it are paused (it looks broken, or the"
                                 + " provider refused the connection); absent while probes run") String probes_paused,
                         Instant created_at, Instant updated_at) {
        static InboxResponse of(CanaryInbox i, Instant now) {
            return new InboxResponse(i.id().value(), i.connectionId().value(), i.service(), i.days(),
                    i.status().wireName(), i.rentalId().orElse(null), i.number().map(PhoneNumber::e164).orElse(null),
                    i.cost().map(c -> c.toPlainString()).orElse(null), i.endsAt().orElse(null), i.daysLeft(now),
                    i.detail().orElse(null), i.probesPaused().orElse(null), i.createdAt(), i.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "CanaryInboxPage")
    record InboxPage(List<InboxResponse> items, @Nullable String next_page_token) {
    }

    @Serdeable
    @Schema(name = "RentCanaryInbox")
    record RentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "the account's connection to a provider that rents inboxes (numpool)")
                       String connection_id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "discord",
                               description = "the service the rental is made for, as the provider lists it")
                       String service,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"1", "3", "7", "14", "30"})
                       int days) {
    }

    @Serdeable
    @Schema(name = "RentalOptions")
    record OptionsResponse(String connection_id, List<ServiceResponse> services, @Nullable String service,
                           @Schema(description = "the service's prices by rental length; empty without a service")
                           List<PriceResponse> prices, BalanceResponse balance) {
        static OptionsResponse of(CanaryInboxesUseCase.RentalOptions o) {
            return new OptionsResponse(o.connectionId().value(),
                    o.services().stream().map(s -> new ServiceResponse(s.id(), s.name())).toList(),
                    o.service().orElse(null),
                    o.prices().stream().map(p -> new PriceResponse(p.days(), p.price().toPlainString())).toList(),
                    new BalanceResponse(o.balance().amount().toPlainString(), o.balance().currency()));
        }
    }

    @Serdeable
    @Schema(name = "RentalService")
    record ServiceResponse(String id, String name) {
    }

    @Serdeable
    @Schema(name = "RentalPrice")
    record PriceResponse(int days, String price) {
    }

    @Serdeable
    @Schema(name = "RentalBalance")
    record BalanceResponse(String amount, String currency) {
    }

    @Get
    @Operation(operationId = "listCanaryInboxes", summary = "The account's canary inboxes, oldest first, with their"
            + " expiry")
    @ApiResponse(responseCode = "200", description = "a page of canary inboxes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InboxPage.class)))
    PageResponse<InboxResponse> list(HttpRequest<?> request, @QueryValue @Nullable Integer page_size,
                                     @QueryValue @Nullable String page_token) {
        Instant now = clock.instant();
        return PageResponse.of(inboxes.listCanaryInboxes(Callers.of(request),
                PageTokens.request(page_size, page_token)), i -> InboxResponse.of(i, now));
    }

    @Get("/rental-options")
    @Operation(operationId = "getRentalOptions", summary = "Before renting: the provider's services, the balance,"
            + " and a service's prices; nothing is rented or charged")
    @ApiResponse(responseCode = "200", description = "the options",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OptionsResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the provider refused the connection's key (provider.unauthorized)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "the provider asks to wait (provider.throttled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "the provider did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    OptionsResponse options(HttpRequest<?> request, @QueryValue @Nullable String connection_id,
                            @QueryValue @Nullable String service) {
        if (connection_id == null) {
            throw DomainException.invalidField("connection_id", "is required");
        }
        return OptionsResponse.of(inboxes.rentalOptions(Callers.of(request), PathValues.connectionId(connection_id),
                Optional.ofNullable(service)));
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "rentCanaryInbox", summary = "Rent a number with a readable inbox (charged once, not"
            + " refundable); the Idempotency-Key is required, and a retry with it never rents again")
    @RequestBody(content = @Content(schema = @Schema(implementation = RentRequest.class)))
    @ApiResponse(responseCode = "201", description = "the inbox: active, or renting while a lost answer is looked"
            + " for at the provider",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InboxResponse.class)))
    @ApiResponse(responseCode = "200", description = "a retry with the key: the inbox the first request made",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InboxResponse.class)))
    @ApiResponse(responseCode = "402", description = "the provider account's balance does not cover it"
            + " (provider.insufficient_balance); nothing was rented",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the key was used for another rental, or the provider refused"
            + " the request", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "the provider asks to wait (provider.throttled); nothing was"
            + " rented", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "the provider did not answer; nothing was rented",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<InboxResponse> rent(HttpRequest<?> request,
                                     @Header(Idempotency.HEADER) @Nullable @Parameter(description = "required:"
                                             + " the same key on a retry leads back to the same inbox")
                                     String idempotencyKey,
                                     @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("connection_id", "service", "days"), Set.of("id", "status", "rental_id", "number",
                "cost", "ends_at", "days_left", "detail", "probes_paused", "created_at", "updated_at"));
        String connection = reader.required("connection_id", reader::string).orElse(null);
        String service = reader.required("service", reader::string).orElse(null);
        Integer days = reader.required("days", reader::integer).orElse(null);
        reader.done(null);
        String key = Idempotency.key(request).orElse(null);
        CanaryInboxesUseCase.Rented rented = inboxes.rentCanaryInbox(Callers.of(request),
                PathValues.connectionId(connection), service, days, key);
        CanaryInbox inbox = rented.inbox();
        LOG.info("canary inbox rent inbox={} status={} created={}", inbox.id(), inbox.status().wireName(),
                rented.created());
        return HttpResponse.<InboxResponse>status(rented.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(InboxResponse.of(inbox, clock.instant()))
                .header(HttpHeaders.LOCATION, "/v1/canary-inboxes/" + inbox.id().value());
    }

    @Get("/{inbox_id}")
    @Operation(operationId = "getCanaryInbox", summary = "One canary inbox")
    @ApiResponse(responseCode = "200", description = "the inbox",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InboxResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    InboxResponse get(HttpRequest<?> request, @PathVariable("inbox_id") String id) {
        return InboxResponse.of(inboxes.getCanaryInbox(Callers.of(request), PathValues.canaryInboxId(id)),
                clock.instant());
    }

    @Post("/{inbox_id}/resume-probes")
    @Operation(operationId = "resumeCanaryProbes", summary = "Send probes to a paused inbox again")
    @ApiResponse(responseCode = "200", description = "the inbox",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InboxResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    InboxResponse resume(HttpRequest<?> request, @PathVariable("inbox_id") String id) {
        return InboxResponse.of(probes.resumeProbes(Callers.of(request), PathValues.canaryInboxId(id)),
                clock.instant());
    }
}
