package dev.poolkeeper.adapters.persistence.account;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
final class AccountPersistenceAdapter implements AccountRepository {
    private final Jdbc jdbc;

    AccountPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Account account) {
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)",
                account.id().value(), account.name(), account.createdAt()));
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT id, name, created_at FROM accounts WHERE id = ?",
                rs -> new Account(new AccountId(rs.getString("id")), rs.getString("name"),
                        Jdbc.instant(rs, "created_at")), id.value()));
    }

    @Override
    public long count() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM accounts"));
    }
}
