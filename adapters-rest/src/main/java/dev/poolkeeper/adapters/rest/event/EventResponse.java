package dev.poolkeeper.adapters.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.domain.event.AccountEvent;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** An account's event, as GET /v1/events shows it and as it is POSTed to endpoints. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Event")
record EventResponse(@Schema(example = "evt_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB") String id,
                     @Schema(implementation = EventTypes.class) String type,
                     Instant created_at,
                     String account_id,
                     @Schema(description = "the resource the event is about: {\"message\": {…}}, {\"opt_out\": {…}},"
                             + " {\"pool\": {…}} or {\"event_endpoint\": {…}}") Map<String, Object> data) {
    static EventResponse of(AccountEvent e) {
        return new EventResponse(e.id(), e.type().wireName(), e.createdAt(), e.accountId().value(), e.data());
    }
}
