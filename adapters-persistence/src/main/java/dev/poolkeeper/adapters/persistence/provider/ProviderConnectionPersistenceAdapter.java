package dev.poolkeeper.adapters.persistence.provider;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.provider.ProviderConnectionRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.Credentials;
import dev.poolkeeper.domain.provider.ProviderConnection;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider connections with their credentials sealed by {@link SecretCipher}; the row's id, account and
 * provider are the ciphertext's associated data.
 */
@Singleton
public final class ProviderConnectionPersistenceAdapter implements ProviderConnectionRepository {
    private static final String COLUMNS = "seq, id, account_id, provider, name, key_id, nonce, credentials, base_url,"
            + " created_at, updated_at";
    private static final Argument<Map<String, String>> FIELDS = Argument.mapOf(String.class, String.class);

    private final Jdbc jdbc;
    private final JsonColumns json;
    private final SecretCipher cipher;

    ProviderConnectionPersistenceAdapter(Jdbc jdbc, JsonColumns json, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    private static String associatedData(ConnectionId id, AccountId account, Provider provider) {
        return id.value() + "|" + account.value() + "|" + provider.wireName();
    }

    private SecretCipher.Sealed seal(ProviderConnection c) {
        return cipher.seal(json.write(c.credentials().values()), associatedData(c.id(), c.accountId(), c.provider()));
    }

    @Override
    public boolean insert(ProviderConnection c) {
        SecretCipher.Sealed sealed = seal(c);
        return jdbc.write(w -> Jdbc.insertUnlessDuplicate(w, x -> Jdbc.update(x, "INSERT INTO provider_connections"
                        + " (id, account_id, provider, name, key_id, nonce, credentials, base_url, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id().value(), c.accountId().value(),
                c.provider().wireName(), c.name(), sealed.keyId(), sealed.nonce(), sealed.ciphertext(),
                c.baseUrl().orElse(null), c.createdAt(), c.updatedAt())));
    }

    @Override
    public boolean update(ProviderConnection c) {
        SecretCipher.Sealed sealed = seal(c);
        return jdbc.write(w -> Jdbc.insertUnlessDuplicate(w, x -> Jdbc.update(x, "UPDATE provider_connections"
                        + " SET name = ?, key_id = ?, nonce = ?, credentials = ?, base_url = ?, updated_at = ?"
                        + " WHERE account_id = ? AND id = ?", c.name(), sealed.keyId(), sealed.nonce(),
                sealed.ciphertext(), c.baseUrl().orElse(null), c.updatedAt(), c.accountId().value(), c.id().value())));
    }

    @Override
    public Optional<ProviderConnection> find(AccountId accountId, ConnectionId id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM provider_connections"
                + " WHERE account_id = ? AND id = ?", this::connection, accountId.value(), id.value()));
    }

    @Override
    public Optional<ProviderConnection> findById(ConnectionId id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM provider_connections WHERE id = ?",
                this::connection, id.value()));
    }

    @Override
    public Page<ProviderConnection> list(AccountId accountId, PageRequest page) {
        List<Positioned<ProviderConnection>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS
                        + " FROM provider_connections WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), connection(rs)), accountId.value(), page.after().orElse(0),
                page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public Optional<ProviderConnection> serving(AccountId accountId, Provider provider) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM provider_connections"
                + " WHERE account_id = ? AND provider = ? ORDER BY seq LIMIT 1", this::connection, accountId.value(),
                provider.wireName()));
    }

    @Override
    public boolean delete(AccountId accountId, ConnectionId id) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM provider_connections WHERE account_id = ? AND id = ?",
                accountId.value(), id.value()) > 0);
    }

    /**
     * Seals every row not under the active key again with the active key (after a new key was made active);
     * how many rows moved.
     */
    public int reencrypt() {
        Optional<String> active = cipher.activeKey();
        if (active.isEmpty()) {
            return 0;
        }
        List<ProviderConnection> stale = jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM provider_connections WHERE key_id <> ?", this::connection, active.get()));
        int moved = 0;
        for (ProviderConnection connection : stale) {
            SecretCipher.Sealed sealed = seal(connection);
            moved += jdbc.write(c -> Jdbc.update(c, "UPDATE provider_connections SET key_id = ?, nonce = ?,"
                    + " credentials = ? WHERE id = ? AND updated_at = ?", sealed.keyId(), sealed.nonce(),
                    sealed.ciphertext(), connection.id().value(), connection.updatedAt()));
        }
        return moved;
    }

    private ProviderConnection connection(ResultSet rs) throws SQLException {
        ConnectionId id = new ConnectionId(rs.getString("id"));
        AccountId account = new AccountId(rs.getString("account_id"));
        Provider provider = Jdbc.wireName(Provider.class, rs.getString("provider"));
        String plain = cipher.open(new SecretCipher.Sealed(rs.getString("key_id"), rs.getBytes("nonce"),
                rs.getBytes("credentials")), associatedData(id, account, provider));
        return new ProviderConnection(id, account, provider, rs.getString("name"),
                new Credentials(json.read(plain, FIELDS)), Optional.ofNullable(rs.getString("base_url")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
