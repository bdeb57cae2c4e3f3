package dev.poolkeeper.domain.shared;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Server-generated identifiers: a type prefix and a ULID (48-bit millisecond time, 80 random bits,
 * Crockford base32), so ids sort roughly by creation and leak nothing but the creation time.
 */
public final class Ids {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix, Instant at) {
        return prefix + ulid(at.toEpochMilli());
    }

    static String ulid(long millis) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** True when {@code value} is {@code prefix} followed by a well-formed ULID. */
    public static boolean isWellFormed(String prefix, String value) {
        if (value == null || !value.startsWith(prefix) || value.length() != prefix.length() + 26) {
            return false;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            if (new String(CROCKFORD).indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
