package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's numbers at one provider belong to one of the account's provider accounts: they all name the
 * same connection, or all none (the serving one). The pool is mirrored as one pool at that provider account,
 * and its sends and syncs there go through that connection. Stateful across one bulk call, as the campaign
 * rule: the first member of a provider admitted into the pool sets the connection the rest must name.
 */
final class ConnectionMembershipPolicy {
    private final Map<Provider, Optional<ConnectionId>> poolConnections;

    /** @param poolConnections for each provider the pool has members of: the connection they name, if any */
    ConnectionMembershipPolicy(Map<Provider, Optional<ConnectionId>> poolConnections) {
        this.poolConnections = new EnumMap<>(Provider.class);
        this.poolConnections.putAll(poolConnections);
    }

    /** Empty when the member may join; otherwise the refusal. */
    Optional<Refusal> check(PoolMember candidate) {
        Optional<ConnectionId> pool = poolConnections.get(candidate.provider());
        if (pool == null || pool.equals(candidate.connection())) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(ErrorCode.NUMBER_CONNECTION_MISMATCH, "the pool's "
                + candidate.provider().wireName() + " numbers belong to "
                + pool.map(c -> "connection " + c.value()).orElse("the account's serving connection") + ", not "
                + candidate.connection().map(c -> "connection " + c.value()).orElse("the serving connection")
                + ": one pool is one pool at one provider account"));
    }

    void admitted(PoolMember member) {
        poolConnections.putIfAbsent(member.provider(), member.connection());
    }
}
