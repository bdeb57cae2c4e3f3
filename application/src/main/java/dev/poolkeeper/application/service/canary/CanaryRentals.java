package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.application.port.out.canary.InboxRentalException;
import dev.poolkeeper.application.port.out.canary.InboxRentalPort;
import dev.poolkeeper.application.port.out.provider.InboxConnector;
import dev.poolkeeper.application.service.provider.ProviderConnections;
import dev.poolkeeper.application.service.provider.ProviderProblems;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the canary services share: the account's rental connection and its port, the one mapping of a
 * rental provider's failures to problems, and the reconciliation of a rental whose answer was lost.
 */
public final class CanaryRentals {
    /** How far a listed rental's end may be from the one a lost request would have: clocks differ. */
    static final Duration SLACK = Duration.ofMinutes(2);

    private final ProviderConnections connections;
    private final Map<Provider, InboxConnector> connectors = new EnumMap<>(Provider.class);
    private final CanaryInboxRepository inboxes;
    private final Duration reconcileWindow;
    private final Clock clock;

    /**
     * @param reconcileWindow how long a rental whose answer was lost is looked for in the provider's list
     *                        before it counts as never made
     */
    public CanaryRentals(ProviderConnections connections, Collection<InboxConnector> connectors,
                         CanaryInboxRepository inboxes, Duration reconcileWindow, Clock clock) {
        this.connections = connections;
        connectors.forEach(c -> this.connectors.put(c.provider(), c));
        this.inboxes = inboxes;
        this.reconcileWindow = reconcileWindow;
        this.clock = clock;
    }

    CanaryInboxRepository inboxes() {
        return inboxes;
    }

    Instant now() {
        return Times.now(clock);
    }

    /** The account's connection that rents inboxes; 400 when it is a connection to a sending provider. */
    ProviderConnection connection(Caller caller, ConnectionId id) {
        ProviderConnection connection = connections.require(caller, id);
        if (!connectors.containsKey(connection.provider())) {
            throw DomainException.invalidField("connection_id", "is a " + connection.provider().wireName()
                    + " connection; canary inboxes are rented through a connection to a provider that rents them ("
                    + String.join(", ", connectors.keySet().stream().map(Provider::wireName).sorted().toList()) + ")");
        }
        return connection;
    }

    /** The connection by id, whatever the account: for background work on inboxes it already holds. */
    Optional<ProviderConnection> connection(ConnectionId id) {
        return connections.repository().findById(id).filter(c -> connectors.containsKey(c.provider()));
    }

    InboxRentalPort port(ProviderConnection connection) {
        return connectors.get(connection.provider()).rentals(connection);
    }

    /** The connection's provider's rate limit per key, in calls a second. */
    double callsPerSecond(ProviderConnection connection) {
        return connectors.get(connection.provider()).callsPerSecond();
    }

    /** A rental provider's failure as the problem the caller sees. */
    static DomainException problem(InboxRentalException e) {
        return ProviderProblems.of(e.failure(), e.getMessage(), e.retryAfter());
    }

    /**
     * A {@code renting} inbox looked for in the provider's rentals: claimed when an unclaimed rental fits it,
     * given up as never made once the window has passed, otherwise left as it is until the next look.
     */
    CanaryInbox reconcile(CanaryInbox inbox, InboxRentalPort port) {
        Instant now = now();
        Collection<InboxRentalPort.Rental> listed;
        try {
            listed = port.rentals();
        } catch (InboxRentalException e) {
            return keep(inbox.unconfirmed("the answer to the rental was lost, and the provider's rentals could not"
                    + " be read yet (" + e.getMessage() + "); looking again shortly", now));
        }
        Set<String> claimed = inboxes.claimed(listed.stream().map(InboxRentalPort.Rental::rentalId).toList());
        Optional<InboxRentalPort.Rental> match = listed.stream()
                .filter(r -> !claimed.contains(r.rentalId()))
                .filter(r -> r.service().map(inbox.service()::equals).orElse(true))
                .filter(r -> inbox.couldBe(r.days(), r.endsAt(), now, SLACK))
                .min(Comparator.comparing(InboxRentalPort.Rental::endsAt));
        if (match.isPresent()) {
            InboxRentalPort.Rental r = match.get();
            return moved(inbox, inbox.rented(r.rentalId(), r.number(), r.cost(), r.endsAt(), now));
        }
        if (now.isAfter(inbox.createdAt().plus(reconcileWindow))) {
            return moved(inbox, inbox.failed("the provider lists no such rental " + reconcileWindow.toMinutes()
                    + " minutes after it was asked for: it was not made and nothing was charged; rent again with a"
                    + " new key", now));
        }
        return keep(inbox.unconfirmed("the answer to the rental was lost; it was not in the provider's rentals yet:"
                + " looking again shortly (it is never rented twice)", now));
    }

    /** Stores a new state of a renting inbox; when another instance moved it first, what that one stored. */
    CanaryInbox moved(CanaryInbox from, CanaryInbox to) {
        if (inboxes.update(to, from.status())) {
            return to;
        }
        return inboxes.find(from.accountId(), from.id()).orElse(to);
    }

    private CanaryInbox keep(CanaryInbox renting) {
        return moved(renting, renting);
    }
}
