package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.domain.pool.MemberOutcome;
import java.util.List;

/** Bulk remove: one outcome per item, in request order. */
public interface RemoveNumbersUseCase {
    List<MemberOutcome> removeNumbers(RemoveNumbersCommand command);
}
