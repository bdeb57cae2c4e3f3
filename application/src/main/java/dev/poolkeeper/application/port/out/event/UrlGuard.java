package dev.poolkeeper.application.port.out.event;

import java.net.URI;
import java.util.Optional;

/**
 * Where an endpoint URL may point: every address its host resolves to must be public (not loopback, private,
 * link-local, unique-local, any-local or multicast), unless the instance allows it. Returns why not, if not.
 */
public interface UrlGuard {
    Optional<String> refusal(URI url);

    /** Whether plain http is allowed (only where private addresses are: local development). */
    boolean allowsHttp();
}
