package dev.poolkeeper.application.port.out.provider;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.util.Optional;

/**
 * The accounts' provider connections. The store keeps credentials encrypted and hands them back in clear;
 * names are unique per account.
 */
public interface ProviderConnectionRepository {
    /** False when the account already has a connection of that name. */
    boolean insert(ProviderConnection connection);

    /** False when another connection of the account has the new name. */
    boolean update(ProviderConnection connection);

    Optional<ProviderConnection> find(AccountId accountId, ConnectionId id);

    /** A connection of any account, by its id: for the webhook routes that name one. */
    Optional<ProviderConnection> findById(ConnectionId id);

    /** Oldest first. */
    Page<ProviderConnection> list(AccountId accountId, PageRequest page);

    /** The connection that serves the account's pools at the provider: its oldest one. */
    Optional<ProviderConnection> serving(AccountId accountId, Provider provider);

    boolean delete(AccountId accountId, ConnectionId id);
}
