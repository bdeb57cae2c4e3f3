package dev.poolkeeper.adapters.rest.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.domain.selection.TraceStep;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem with the stable {@code code} of api.md; never a stack trace, SQL or class name. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "application/problem+json (RFC 9457) with a stable machine-readable code")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        @Nullable List<FieldError> errors,
        @Nullable List<BulkResult> results,
        @Nullable List<TraceItem> trace) {

    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                   List<BulkResult> results) {
        this(type, title, status, detail, code, errors, results, null);
    }

    public Problem withTrace(List<TraceItem> steps) {
        return new Problem(type, title, status, detail, code, errors, results, steps);
    }

    /** The same problem answered with another HTTP status: the body's status always equals the response's. */
    public Problem withStatus(HttpStatus httpStatus) {
        return new Problem(type, httpStatus.getReason(), httpStatus.getCode(), detail, code, errors, results, trace);
    }


    /** One step of a sender selection, as the API shows it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "TraceStep", description = "one step of a sender decision: what it did and how many candidates were left")
    public record TraceItem(String step, int candidates, String note) {
        public static List<TraceItem> of(List<TraceStep> steps) {
            return steps.stream().map(t -> new TraceItem(t.step(), t.candidates(), t.note())).toList();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "FieldError", description = "one invalid field: its path, code and message")
    public record FieldError(String field, String code, String message) {
    }
}
