package dev.poolkeeper.adapters.rest.selection;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.TraceStep;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The chosen sender, why, and every step taken. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "SenderSelection")
record SelectionResponse(
        @Schema(description = "E.164 number, or the pool's alphanumeric sender for fallback_custom_from") String from,
        @Nullable @Schema(implementation = SendingProviderName.class) String provider,
        @Nullable @Schema(allowableValues = {"long_code", "toll_free"}) String type,
        @Schema(allowableValues = {"sticky", "geomatch_area_code", "localized_country", "weighted", "fallback_pool",
            "fallback_custom_from"}) String reason,
        List<Problem.TraceItem> trace) {

    static SelectionResponse of(Decision.Selected d) {
        return new SelectionResponse(d.sender().number().e164(), d.sender().provider().wireName(),
                d.sender().type().wireName(), d.reason().wireName(), trace(d.trace()));
    }

    static SelectionResponse of(Decision.AlphanumericSender d) {
        return new SelectionResponse(d.sender().value(), null, null, d.reason().wireName(), trace(d.trace()));
    }

    static List<Problem.TraceItem> trace(List<TraceStep> steps) {
        return Problem.TraceItem.of(steps);
    }
}
