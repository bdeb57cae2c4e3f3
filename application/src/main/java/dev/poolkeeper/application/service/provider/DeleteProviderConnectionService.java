package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.provider.DeleteProviderConnectionUseCase;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolFilter;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * Refused while the connection serves pools (it is the account's oldest for its provider, and pools have
 * numbers there): those pools would silently move to other credentials, or to none.
 */
public final class DeleteProviderConnectionService implements DeleteProviderConnectionUseCase {
    private final ProviderConnections connections;
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final ProviderPorts ports;
    private final TransactionRunner tx;

    public DeleteProviderConnectionService(ProviderConnections connections, PoolRepository pools,
                                           PoolMemberRepository members, ProviderPorts ports, TransactionRunner tx) {
        this.connections = connections;
        this.pools = pools;
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
            if (serving) {
                List<NumberPool> using = pools.list(caller.accountId(), new PoolFilter(Optional.empty(), Optional.empty(),
                        Optional.of(connection.provider()), Optional.empty()), PageRequest.first(20)).items();
                if (!using.isEmpty()) {
                    throw new DomainException(ErrorCode.PROVIDER_CONNECTION_IN_USE, "connection " + connection.name()
                            + " serves the " + connection.provider().wireName() + " numbers of "
                            + String.join(", ", using.stream().map(p -> p.name().value() + " (" + p.id().value() + ")")
                            .toList()) + (using.size() == 20 ? " and more" : "")
                            + "; remove those numbers first");
                }
            }
            List<PoolId> naming = members.poolsNaming(caller.accountId(), id, 20);
            if (!naming.isEmpty()) {
                throw new DomainException(ErrorCode.PROVIDER_CONNECTION_IN_USE, "connection " + connection.name()
                        + " holds the numbers of " + String.join(", ", naming.stream().map(PoolId::value).toList())
                        + (naming.size() == 20 ? " and more" : "") + "; remove those numbers first");
            }
            connections.repository().delete(caller.accountId(), id);
        });
        ports.forget(caller.accountId());
    }
}
