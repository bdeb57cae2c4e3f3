package dev.poolkeeper.adapters.persistence.selection;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    @Override
    public Set<PhoneNumber> optedOut(AccountId accountId, String listKey,
                                               Collection<PhoneNumber> numbers) {
        return new HashSet<>(jdbc.readIn("SELECT number FROM opt_out_numbers WHERE account_id = ? AND list_key = ?"
                        + " AND number IN", rs -> new PhoneNumber(rs.getString(1)), List.of(accountId.value(), listKey),
                numbers.stream().map(PhoneNumber::e164).toList()));
    }

    @Override
    public OptedOutNumber optOut(AccountId accountId, String listKey, PhoneNumber number, Instant at) {
        jdbc.write(c -> {
            try {
                return Jdbc.update(c, "INSERT INTO opt_out_numbers (account_id, list_key, number, opted_out_at)"
                        + " VALUES (?, ?, ?, ?)", accountId.value(), listKey, number.e164(), at);
            } catch (SQLException e) {
                if (!Jdbc.isDuplicateKey(e)) {
                    throw e;
                }
                return 0;
            }
        });
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT number, opted_out_at FROM opt_out_numbers WHERE account_id = ?"
                        + " AND list_key = ? AND number = ?",
                rs -> new OptedOutNumber(new PhoneNumber(rs.getString(1)), Jdbc.instant(rs, "opted_out_at")),
                accountId.value(), listKey, number.e164())).orElse(new OptedOutNumber(number, at));
    }

    @Override
    public boolean optIn(AccountId accountId, String listKey, PhoneNumber number) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM opt_out_numbers WHERE account_id = ? AND list_key = ?"
                + " AND number = ?", accountId.value(), listKey, number.e164())) > 0;
    }

    @Override
    public Page<OptedOutNumber> list(AccountId accountId, String listKey, PageRequest page) {
        List<Positioned<OptedOutNumber>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT seq, number, opted_out_at"
                        + " FROM opt_out_numbers WHERE account_id = ? AND list_key = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), new OptedOutNumber(new PhoneNumber(rs.getString("number")),
                        Jdbc.instant(rs, "opted_out_at"))),
                accountId.value(), listKey, page.after().orElse(0), page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }
}
