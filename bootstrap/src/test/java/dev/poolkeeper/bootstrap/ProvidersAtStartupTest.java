package dev.poolkeeper.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.provider.Provider;
import org.junit.jupiter.api.Test;

class ProvidersAtStartupTest {
    @Test
    void eachProviderSaysWhetherItIsConfiguredAndWhatToSetWhenItIsNot() {
        assertEquals("provider vonage: configured (sending, pool mirroring)",
                ProvidersAtStartup.line(Provider.VONAGE, true, true));
        String telnyx = ProvidersAtStartup.line(Provider.TELNYX, false, false);
        assertTrue(telnyx.startsWith("provider telnyx: not configured"), telnyx);
        assertTrue(telnyx.contains("POOLKEEPER_PROVIDERS_TELNYX_API_KEY"), telnyx);
        assertEquals("provider pinpoint: configured for sending only",
                ProvidersAtStartup.line(Provider.PINPOINT, true, false));
        for (Provider provider : Provider.values()) {
            assertFalse(ProvidersAtStartup.line(provider, false, false).contains("null"), provider.wireName());
        }
    }
}
