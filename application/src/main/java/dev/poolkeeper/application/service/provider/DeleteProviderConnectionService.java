package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.provider.DeleteProviderConnectionUseCase;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refused while the connection holds numbers: pools' numbers name it, or it is the account's oldest for its
 * provider and pools have numbers there that name none — those pools would silently move to other
 * credentials, or to none.
 */
public final class DeleteProviderConnectionService implements DeleteProviderConnectionUseCase {
    private static final int IN_USE_SHOWN = 20;

    private final ProviderConnections connections;
    private final PoolMemberRepository members;
    private final ProviderPorts ports;
    private final TransactionRunner tx;

    public DeleteProviderConnectionService(ProviderConnections connections, PoolMemberRepository members,
                                           ProviderPorts ports, TransactionRunner tx) {
        this.connections = connections;
        this.members = members;
        this.ports = ports;
        this.tx = tx;
    }

    @Override
    public void deleteProviderConnection(Caller caller, ConnectionId id) {
        tx.run(() -> {
            ProviderConnection connection = connections.require(caller, id);
            boolean serving = connections.repository().serving(caller.accountId(), connection.provider())
                    .map(s -> s.id().equals(id)).orElse(false);
            // the numbers it holds: those naming it, and, while it serves the provider, those naming none
            Set<PoolId> using = new LinkedHashSet<>(members.poolsNaming(caller.accountId(), connection.provider(),
                    Optional.of(id), IN_USE_SHOWN));
            if (serving) {
                using.addAll(members.poolsNaming(caller.accountId(), connection.provider(), Optional.empty(),
                        IN_USE_SHOWN));
            }
            if (!using.isEmpty()) {
                throw new DomainException(ErrorCode.PROVIDER_CONNECTION_IN_USE, "connection " + connection.name()
                        + " holds the " + connection.provider().wireName() + " numbers of "
                        + String.join(", ", using.stream().map(PoolId::value).toList())
                        + (using.size() >= IN_USE_SHOWN ? " and maybe more" : "") + "; remove those numbers first");
            }
            connections.repository().delete(caller.accountId(), id);
        });
        ports.forget(caller.accountId());
    }
}
