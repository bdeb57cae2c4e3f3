package dev.poolkeeper.domain.number;

import dev.poolkeeper.domain.shared.WireName;

public enum NumberType implements WireName {
    LONG_CODE, TOLL_FREE, SHORT_CODE;

    /** The type a number has when the caller does not say: toll-free when libphonenumber says so. */
    public static NumberType derivedFrom(PhoneNumber number) {
        return number.isTollFree() ? TOLL_FREE : LONG_CODE;
    }
}
