package dev.poolkeeper.adapters.rest.message;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.number.NumberType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A message as the API shows it; its text is not echoed back. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Message")
record MessageResponse(
        @Schema(example = "msg_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB") String id,
        String pool_id,
        @Schema(description = "E.164 number, or the pool's alphanumeric sender") String from,
        String to,
        @Schema(implementation = SendingProviderName.class) String provider,
        @Nullable @Schema(allowableValues = {"long_code", "toll_free"}) String type,
        @Schema(implementation = MessageStatusName.class) String status,
        @Schema(allowableValues = {"sticky", "geomatch_area_code", "localized_country", "weighted", "fallback_pool",
            "fallback_custom_from", "keyword_reply"}) String reason,
        @Nullable @Schema(description = "the provider's id for the message, once accepted") String provider_message_id,
        @Nullable @Schema(description = "why the message failed or was rejected, e.g. provider.unavailable")
        String error_code,
        @Nullable String error_message,
        @Schema(description = "true when a provider's answer was lost: the message is not sent again, and the "
                + "provider's delivery receipt settles it") boolean needs_reconciliation,
        List<Problem.TraceItem> trace,
        List<Attempt> attempts,
        @Schema(description = "every status the message entered, oldest first") List<Transition> transitions,
        @Schema(implementation = PriorityName.class) String priority,
        @Nullable @Schema(description = "when a scheduled message is sent at the earliest") Instant send_at,
        @Schema(description = "when its validity ends: not sent by then, it is expired") Instant expires_at,
        @Nullable String client_reference,
        @Nullable String status_callback,
        Instant created_at,
        Instant updated_at) {

    @Serdeable
    @Schema(name = "MessageTransition")
    record Transition(@Schema(implementation = MessageStatusName.class) String status, Instant at) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SendAttempt")
    record Attempt(String from, @Schema(implementation = SendingProviderName.class) String provider,
                   @Schema(allowableValues = {"accepted", "not_sent", "refused", "unknown"}) String outcome,
                   @Nullable String code, @Nullable String detail, Instant at) {
    }

    static MessageResponse of(Message m) {
        return new MessageResponse(m.id().value(), m.poolId().value(), m.sender().from(), m.to().e164(),
                m.sender().provider().wireName(), m.sender().type().map(NumberType::wireName).orElse(null),
                m.status().wireName(), m.sender().reason().wireName(), m.providerMessageId().orElse(null),
                m.errorCode().orElse(null), m.errorMessage().orElse(null), m.needsReconciliation(),
                Problem.TraceItem.of(m.trace()), m.attempts().stream().map(a -> new Attempt(a.from(),
                        a.provider().wireName(), a.outcome().wireName(), a.code(), a.detail(), a.at())).toList(),
                m.transitions().stream().map(t -> new Transition(t.status().wireName(), t.at())).toList(),
                m.submission().priority().wireName(), m.submission().sendAt().orElse(null),
                m.submission().expiresAt(), m.submission().clientReference().orElse(null),
                m.submission().statusCallback().map(java.net.URI::toString).orElse(null),
                m.createdAt(), m.updatedAt());
    }
}
