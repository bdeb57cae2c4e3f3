package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.in.selection.SelectSenderCommand;
import dev.poolkeeper.application.port.in.selection.SelectSenderUseCase;
import dev.poolkeeper.domain.selection.Decision;

/** Chooses a sender and explains it, sending nothing; see {@link SenderDecisions}. */
public final class SelectSenderService implements SelectSenderUseCase {
    private final SenderDecisions decisions;

    public SelectSenderService(SenderDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Decision selectSender(SelectSenderCommand command) {
        return decisions.decide(command.caller().accountId(), command.poolId(), command.to(), command.dryRun(),
                candidate -> true).decision();
    }
}
