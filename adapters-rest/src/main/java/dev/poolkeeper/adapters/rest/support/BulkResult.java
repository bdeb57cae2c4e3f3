package dev.poolkeeper.adapters.rest.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.domain.pool.MemberOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** One item of a bulk add or remove: {@code status} is added, already_present, removed, not_found or failed. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkResult(String number, String status, @Nullable String code, @Nullable String message) {
    public static BulkResult of(MemberOutcome o) {
        return new BulkResult(o.shownNumber(), o.status().name().toLowerCase(Locale.ROOT),
                o.code() == null ? null : o.code().code(), o.message());
    }

    public static boolean isFailure(MemberOutcome o) {
        return !o.status().isSuccess();
    }
}
