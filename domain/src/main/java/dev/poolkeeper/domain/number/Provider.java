package dev.poolkeeper.domain.number;

import dev.poolkeeper.domain.shared.WireName;

/** The messaging providers a number can belong to. */
public enum Provider implements WireName {
    VONAGE, TELNYX, PINPOINT,
    /** Built in: talks to nobody, answers like a provider (see the sandbox slice). */
    SANDBOX
}
