package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.domain.pool.MemberOutcome;
import java.util.List;

/** Bulk add: one outcome per item, in request order. */
public interface AddNumbersUseCase {
    List<MemberOutcome> addNumbers(AddNumbersCommand command);
}
