package dev.poolkeeper.adapters.rest.number;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.Reply;
import dev.poolkeeper.adapters.rest.support.BulkResult;
import dev.poolkeeper.adapters.rest.support.ProblemResponses;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer to a bulk call: 200 when every item succeeded, 207 when some did, 400 (problem+json,
 * with the same results) when none did. Results are in request order.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "BulkResults")
record BulkResponse(List<BulkResult> results) {

    static Reply of(List<MemberOutcome> outcomes) {
        List<BulkResult> results = outcomes.stream().map(BulkResult::of).toList();
        long failed = outcomes.stream().filter(BulkResult::isFailure).count();
        if (failed == 0) {
            return Reply.json(HttpStatus.OK, new BulkResponse(results), Map.of());
        }
        if (failed < outcomes.size()) {
            return Reply.json(HttpStatus.MULTI_STATUS, new BulkResponse(results), Map.of());
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            MemberOutcome o = outcomes.get(i);
            violations.add(new FieldViolation("numbers[" + i + "]", o.code(), o.message()));
        }
        return new Reply(HttpStatus.BAD_REQUEST, ProblemResponses.problem(ErrorCode.NUMBERS_ALL_FAILED,
                "no number of the request succeeded; see results", violations, results),
                ProblemResponses.PROBLEM_JSON, Map.of());
    }
}
