package dev.poolkeeper.adapters.rest.number;

import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.domain.pool.PoolMembership;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** {@code {"numbers": ["+1…", …]}}, 1 to 50 numbers. */
@Serdeable
@Schema(name = "RemoveNumbers")
record RemoveNumbersRequest(@ArraySchema(maxItems = 50, minItems = 1,
        schema = @Schema(example = "+14155550100")) List<String> numbers) {

    static List<String> parse(JsonBody.Reader body) {
        body.allowOnly(Set.of("numbers"), Set.of());
        List<String> numbers = body.required("numbers", body::strings).orElse(null);
        if (numbers == null) {
            return body.done(List.of());
        }
        if (numbers.size() > PoolMembership.MAX_BATCH) {
            throw new DomainException(ErrorCode.NUMBERS_LIMIT_EXCEEDED,
                    "at most " + PoolMembership.MAX_BATCH + " numbers per call, got " + numbers.size());
        }
        return body.done(numbers);
    }
}
