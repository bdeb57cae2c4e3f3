package dev.poolkeeper.domain.provider;

import dev.poolkeeper.domain.shared.WireName;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The providers an account can connect to; all but NumPool send, so their numbers can be pool members. */
public enum Provider implements WireName {
    VONAGE, TELNYX, PINPOINT,
    /** Built in: talks to nobody, answers like a provider (see the sandbox slice). */
    SANDBOX,
    /** Rents numbers with a readable inbox: canaries that see delivery end to end. It cannot send. */
    NUMPOOL;

    /** Whether the provider sends SMS, so that its numbers can be senders in a pool. */
    public boolean sends() {
        return this != NUMPOOL;
    }

    /** The sending provider of this wire name; refuses an unknown name and one that cannot send. */
    public static Provider sender(String wireName) {
        Provider provider = WireName.parse(Provider.class, wireName).filter(Provider::sends)
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + senders()));
        return provider;
    }

    /** The sending providers' wire names, comma-separated. */
    public static String senders() {
        return Arrays.stream(values()).filter(Provider::sends).map(Provider::wireName)
                .collect(Collectors.joining(", "));
    }
}
