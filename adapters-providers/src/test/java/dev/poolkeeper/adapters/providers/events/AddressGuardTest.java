package dev.poolkeeper.adapters.providers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where event endpoints may point; literal addresses, so no DNS is needed. */
class AddressGuardTest {
    private final AddressGuard strict = new AddressGuard(false, false);
    private final AddressGuard loopback = new AddressGuard(true, false);
    private final AddressGuard anything = new AddressGuard(false, true);

    @Test
    void internalAddressesAreRefusedUnlessTheInstanceAllowsThem() {
        for (String url : new String[] {"https://127.0.0.1/x", "https://[::1]/x", "https://10.0.0.5/x",
            "https://172.16.3.4/x", "https://192.168.0.1/x", "https://169.254.169.254/latest", "https://[fe80::1]/x",
            "https://[fd12::1]/x", "https://0.0.0.0/x", "https://224.0.0.1/x"}) {
            assertTrue(strict.refusal(URI.create(url)).isPresent(), url);
        }
        assertEquals(Optional.empty(), loopback.refusal(URI.create("http://127.0.0.1:8080/hooks")));
        assertTrue(loopback.refusal(URI.create("https://10.0.0.5/x")).isPresent(), "loopback only");
        assertEquals(Optional.empty(), anything.refusal(URI.create("https://10.0.0.5/x")));
        assertTrue(strict.refusal(URI.create("https://169.254.169.254/latest")).get().contains("link-local"));
    }

    @Test
    void publicAddressesPassAndOnlyDevelopmentAllowsPlainHttp() {
        assertEquals(Optional.empty(), strict.refusal(URI.create("https://93.184.216.34/hooks")));
        assertEquals(false, strict.allowsHttp());
        assertEquals(true, loopback.allowsHttp());
    }
}
