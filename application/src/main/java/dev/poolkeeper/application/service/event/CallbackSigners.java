package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.EventEndpoint;
import java.net.URI;
import java.util.Optional;

/**
 * A message's {@code status_callback} is signed with the secret of the account's enabled event endpoint on
 * the same origin (scheme, host, port): the receiver already knows that secret, and a callback can only go
 * where the account has already pointed an endpoint.
 */
public final class CallbackSigners {
    private final EventEndpointRepository endpoints;

    public CallbackSigners(EventEndpointRepository endpoints) {
        this.endpoints = endpoints;
    }

    /** The account's enabled endpoint on the callback's origin, if any (among its first 200 endpoints). */
    public Optional<EventEndpoint> signer(AccountId account, URI callback) {
        return endpoints.list(account, PageRequest.first(PageRequest.MAX_SIZE)).items().stream()
                .filter(e -> e.sameOrigin(callback)).findFirst();
    }
}
