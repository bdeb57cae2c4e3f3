package dev.poolkeeper.adapters.persistence.selection;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import jakarta.inject.Singleton;

@Singleton
final class OptOutPersistenceAdapter implements OptOutRepository {
    private final Jdbc jdbc;

    OptOutPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isOptedOut(AccountId accountId, String listKey, PhoneNumber number) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM opt_out_numbers WHERE account_id = ?"
                + " AND list_key = ? AND number = ?", accountId.value(), listKey, number.e164())) > 0;
    }
}
