package dev.poolkeeper.adapters.rest.number;

import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.domain.pool.PoolMembership;
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
        PoolMembership.checkBatchSize(numbers.size());
        return body.done(numbers);
    }
}
