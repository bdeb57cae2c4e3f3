package dev.poolkeeper.adapters.rest.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
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
        @Nullable List<BulkResult> results) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldError(String field, String code, String message) {
    }
}
