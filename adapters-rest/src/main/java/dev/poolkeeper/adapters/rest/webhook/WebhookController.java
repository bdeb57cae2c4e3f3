package dev.poolkeeper.adapters.rest.webhook;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.provider.WebhookConnectionUseCase;
import dev.poolkeeper.application.port.in.webhook.HandleInboundMessageUseCase;
import dev.poolkeeper.application.port.in.webhook.RecordDeliveryReceiptUseCase;
import dev.poolkeeper.application.port.out.webhook.ProviderWebhookPort;
import dev.poolkeeper.application.port.out.webhook.RawWebhook;
import dev.poolkeeper.application.port.out.webhook.WebhookEvent;
import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' callbacks. No API key: each request is verified with its provider's signature scheme
 * before its body is read, and a request that fails is 401 {@code webhook.signature_invalid} with
 * nothing changed. A verified callback that Poolkeeper has nothing to do with (a receipt for a message it
 * did not send, a text that is no keyword) is still 200, so the provider does not retry it.
 */
@Controller("/v1/webhooks/{provider}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Provider webhooks")
@ApiResponse(responseCode = "200", description = "verified and handled (or nothing to do): the provider stops retrying",
        content = @Content(mediaType = "application/json",
                schema = @Schema(implementation = WebhookController.Acknowledged.class)))
@ApiResponse(responseCode = "400", description = "not a callback of this provider's format", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "the signature does not verify, or it is too old (webhook.signature_invalid)", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "no such provider, or no such connection to it", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "a media type the provider does not send", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "500", description = "an unexpected error (with an incident id)", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "the database is unreachable; the provider retries", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
final class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final Map<String, ProviderWebhookPort> webhooks;
    private final RecordDeliveryReceiptUseCase receipts;
    private final HandleInboundMessageUseCase inbound;
    private final WebhookConnectionUseCase connections;
    private final Clock clock;

    WebhookController(List<ProviderWebhookPort> webhooks, RecordDeliveryReceiptUseCase receipts,
                      HandleInboundMessageUseCase inbound, WebhookConnectionUseCase connections, Clock clock) {
        this.connections = connections;
        this.webhooks = webhooks.stream().collect(Collectors.toMap(w -> w.provider().wireName(), Function.identity()));
        this.receipts = receipts;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** What Poolkeeper did with a verified callback; providers ignore it, operators read it in logs and tests. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookAcknowledgement")
    record Acknowledged(@Schema(allowableValues = {"applied", "duplicate", "unknown_message", "ignored", "confirmed",
        "stop", "start", "none"}) String result,
                        @Nullable @Schema(description = "inbound: the pools whose opt-out list changed")
                        Integer pools_changed) {
        static Acknowledged of(String result) {
            return new Acknowledged(result, null);
        }
    }

    @Post("/delivery-receipts")
    @Consumes({"application/json", "application/x-www-form-urlencoded", "text/plain"})
    @Operation(operationId = "receiveDeliveryReceipt",
            summary = "A delivery receipt in the provider's own format (vonage, telnyx, pinpoint via SNS, sandbox),"
            + " verified with the instance's provider secrets")
    HttpResponse<Acknowledged> deliveryReceipt(HttpRequest<?> request, @PathVariable("provider") String provider,
                                               @Body @Nullable String body) {
        return receipt(request, provider, Optional.empty(), body);
    }

    @Post("/connections/{connection_id}/delivery-receipts")
    @Consumes({"application/json", "application/x-www-form-urlencoded", "text/plain"})
    @Operation(operationId = "receiveConnectionDeliveryReceipt",
            summary = "A delivery receipt for one account's provider connection, verified with that connection's"
            + " webhook secret and applied only to that account's messages")
    HttpResponse<Acknowledged> connectionDeliveryReceipt(HttpRequest<?> request,
                                                         @PathVariable("provider") String provider,
                                                         @PathVariable("connection_id") String connectionId,
                                                         @Body @Nullable String body) {
        return receipt(request, provider, Optional.of(connectionId), body);
    }

    @Post("/inbound")
    @Consumes({"application/json", "application/x-www-form-urlencoded", "text/plain"})
    @Operation(operationId = "receiveInbound",
            summary = "An inbound SMS; STOP-type keywords opt the sender out of the receiving pool's list,"
            + " START-type opt back in")
    HttpResponse<Acknowledged> inbound(HttpRequest<?> request, @PathVariable("provider") String provider,
                                       @Body @Nullable String body) {
        return inbound(request, provider, Optional.empty(), body);
    }

    @Post("/connections/{connection_id}/inbound")
    @Consumes({"application/json", "application/x-www-form-urlencoded", "text/plain"})
    @Operation(operationId = "receiveConnectionInbound",
            summary = "An inbound SMS for one account's provider connection, verified with that connection's"
            + " webhook secret; it changes only that account's pools")
    HttpResponse<Acknowledged> connectionInbound(HttpRequest<?> request, @PathVariable("provider") String provider,
                                                 @PathVariable("connection_id") String connectionId,
                                                 @Body @Nullable String body) {
        return inbound(request, provider, Optional.of(connectionId), body);
    }

    private HttpResponse<Acknowledged> receipt(HttpRequest<?> request, String provider, Optional<String> connectionId,
                                               String body) {
        ProviderWebhookPort webhook = webhook(provider);
        Optional<ProviderConnection> connection = connectionId.map(id -> connection(webhook, id));
        WebhookEvent event = webhook.decode(ProviderWebhookPort.Kind.DELIVERY_RECEIPT, raw(request, body),
                clock.instant(), connection.map(ProviderConnection::credentials));
        if (!(event instanceof WebhookEvent.Receipt r)) {
            return HttpResponse.ok(acknowledged(event));
        }
        DeliveryReceipt receipt = connection.map(c -> r.receipt().scopedTo(c.accountId())).orElse(r.receipt());
        RecordDeliveryReceiptUseCase.Result result = receipts.recordDeliveryReceipt(receipt);
        LOG.info("receipt provider={} connection={} message={} status={} result={}", provider,
                connectionId.orElse("-"), receipt.providerMessageId(), receipt.providerStatus(), result);
        return HttpResponse.ok(Acknowledged.of(result.name().toLowerCase(Locale.ROOT)));
    }

    private HttpResponse<Acknowledged> inbound(HttpRequest<?> request, String provider, Optional<String> connectionId,
                                               String body) {
        ProviderWebhookPort webhook = webhook(provider);
        Optional<ProviderConnection> connection = connectionId.map(id -> connection(webhook, id));
        WebhookEvent event = webhook.decode(ProviderWebhookPort.Kind.INBOUND, raw(request, body), clock.instant(),
                connection.map(ProviderConnection::credentials));
        if (!(event instanceof WebhookEvent.Inbound in)) {
            return HttpResponse.ok(acknowledged(event));
        }
        InboundMessage message = connection.map(c -> in.message().scopedTo(c.accountId())).orElse(in.message());
        HandleInboundMessageUseCase.Result result = inbound.handleInboundMessage(message);
        LOG.info("inbound provider={} connection={} keyword={} pools_changed={}", provider, connectionId.orElse("-"),
                result.keyword(), result.poolsChanged());
        return HttpResponse.ok(new Acknowledged(result.keyword().name().toLowerCase(Locale.ROOT),
                result.poolsChanged()));
    }

    /** The named connection to the route's provider; an unknown one is 404, as an unknown route. */
    private ProviderConnection connection(ProviderWebhookPort webhook, String id) {
        Optional<ConnectionId> parsed;
        try {
            parsed = Optional.of(new ConnectionId(id));
        } catch (IllegalArgumentException e) {
            parsed = Optional.empty();
        }
        return parsed.flatMap(c -> connections.webhookConnection(webhook.provider(), c)).orElseThrow(() ->
                new DomainException(ErrorCode.ROUTE_NOT_FOUND, "no " + webhook.provider().wireName()
                        + " connection " + id));
    }

    private static Acknowledged acknowledged(WebhookEvent event) {
        return Acknowledged.of(event instanceof WebhookEvent.Housekeeping ? "confirmed" : "ignored");
    }

    /** The request as the provider sent it: every header (its first value), the media type, the body unread. */
    private static RawWebhook raw(HttpRequest<?> request, String body) {
        Map<String, String> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.putIfAbsent(name, values.get(0));
            }
        });
        return new RawWebhook(headers, request.getContentType().map(MediaType::toString), body);
    }

    private ProviderWebhookPort webhook(String provider) {
        ProviderWebhookPort webhook = webhooks.get(provider);
        if (webhook == null) {
            throw new DomainException(ErrorCode.ROUTE_NOT_FOUND, "no webhooks for provider " + provider);
        }
        return webhook;
    }
}
