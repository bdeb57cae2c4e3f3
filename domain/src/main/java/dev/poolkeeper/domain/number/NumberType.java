package dev.poolkeeper.domain.number;

import dev.poolkeeper.domain.shared.WireName;

/**
 * What kind of sender a number is, as libphonenumber and the carriers see it: toll-free, or a long code
 * (a geographic, mobile or other ordinary number). Short codes are not sender numbers here: they are not
 * E.164 numbers, and a pool's members are.
 */
public enum NumberType implements WireName {
    LONG_CODE, TOLL_FREE;

    /** The type a number has: toll-free when libphonenumber says so, a long code otherwise. */
    public static NumberType derivedFrom(PhoneNumber number) {
        return number.isTollFree() ? TOLL_FREE : LONG_CODE;
    }
}
