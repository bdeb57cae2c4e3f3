package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.account.Account;
import java.util.Objects;

public record CreateAccountCommand(String name) {
    public CreateAccountCommand {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > Account.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("must be 1-" + Account.MAX_NAME_LENGTH + " characters");
        }
    }
}
