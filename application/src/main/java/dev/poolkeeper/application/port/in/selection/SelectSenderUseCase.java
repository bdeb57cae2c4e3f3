package dev.poolkeeper.application.port.in.selection;

import dev.poolkeeper.domain.selection.Decision;

/** Chooses the sender for a recipient; with dry_run nothing is recorded (no mapping, no budget). */
public interface SelectSenderUseCase {
    Decision selectSender(SelectSenderCommand command);
}
