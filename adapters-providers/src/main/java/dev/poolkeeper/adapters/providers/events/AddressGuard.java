package dev.poolkeeper.adapters.providers.events;

import dev.poolkeeper.application.port.out.event.UrlGuard;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where an event endpoint may point, checked on the addresses its host resolves to (so a public name that
 * resolves to an internal address is refused as well): never loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata services —, fe80::/10), any-local or
 * multicast, unless {@code poolkeeper.events.allow-private-urls}; loopback alone is allowed with
 * {@code poolkeeper.events.allow-loopback} (the embedded development run). Checked when an endpoint is
 * saved and again before every delivery; an address that changes between the check and the connection
 * is the residual risk a resolver pinned per request would close.
 */
@Singleton
public final class AddressGuard implements UrlGuard {
    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressGuard(@Value("${poolkeeper.events.allow-loopback:false}") boolean allowLoopback,
                        @Value("${poolkeeper.events.allow-private-urls:false}") boolean allowPrivate) {
        this.allowLoopback = allowLoopback || allowPrivate;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public boolean allowsHttp() {
        return allowLoopback;
    }

    @Override
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address);
            if (why.isPresent()) {
                return Optional.of(host + " resolves to " + address.getHostAddress() + ", " + why.get()
                        + "; endpoints must be public");
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (a.isSiteLocalAddress() || uniqueLocal(a)) {
            return Optional.of("a private address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return Optional.of("not a unicast public address");
        }
        return Optional.empty();
    }

    private static boolean uniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xFE) == 0xFC;
    }
}
