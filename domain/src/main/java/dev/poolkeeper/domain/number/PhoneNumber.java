package dev.poolkeeper.domain.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A valid phone number in E.164 ({@code +14155550100}). {@link #parse(String)} takes what people
 * type (spaces, dashes, brackets, bare digits) and normalises it; the constructor accepts E.164 only.
 * Country and, for NANP numbers, area code are derived with libphonenumber. Equal when their E.164 text is.
 *
 * <p>The country is kept once known: {@link #parse} learns it while validating (libphonenumber finds a
 * number's region to validate it), and a number made from stored E.164 text derives it on first use. Deriving
 * it costs microseconds (the number is parsed again and matched against its country code's regions), which
 * a sender decision that looks for a sender in the recipient's country would otherwise pay every time.
 */
public final class PhoneNumber implements Comparable<PhoneNumber> {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9][0-9 ().\\-]{5,30}");
    /** What people type between digits, dropped before validating. */
    private static final Pattern SEPARATORS = Pattern.compile("[ ().\\-]");
    private static final int NANP_COUNTRY_CODE = 1;

    private final String e164;
    /**
     * The region, once known. Not volatile: a thread that does not see it derives it again, the same
     * (a String is safely published through its final fields).
     */
    private String region;

    /** @throws IllegalArgumentException when {@code e164} is not E.164 text */
    public PhoneNumber(String e164) {
        this(e164, null);
    }

    private PhoneNumber(String e164, String region) {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        this.e164 = e164;
        this.region = region;
    }

    /** The number as E.164 text, {@code +} and digits. */
    public String e164() {
        return e164;
    }

    /**
     * Normalises and validates. Input without a leading {@code +} is read as digits in international
     * format (country code first), as in a URL path segment.
     *
     * @throws DomainException {@code number.invalid} when the input is not a valid number
     */
    public static PhoneNumber parse(String raw) {
        String typed = raw == null ? null : raw.strip();
        if (typed == null || !TYPED.matcher(typed).matches()) {
            throw invalid(raw);
        }
        String digits = SEPARATORS.matcher(typed).replaceAll("");
        String international = digits.startsWith("+") ? digits : "+" + digits;
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(international, null);
            String region = UTIL.getRegionCodeForNumber(parsed);
            // what isValidNumber does, keeping the region it finds on the way
            if (region == null || !UTIL.isValidNumberForRegion(parsed, region)) {
                throw invalid(raw);
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), region);
        } catch (NumberParseException e) {
            throw invalid(raw);
        }
    }

    /** ISO 3166 alpha-2 region of the number ({@code US}, {@code CA}, {@code GB}). */
    public String country() {
        String known = region;
        if (known == null) {
            String derived = UTIL.getRegionCodeForNumber(proto());
            known = derived == null ? "ZZ" : derived;
            region = known;
        }
        return known;
    }

    public boolean isNanp() {
        return e164.startsWith("+1");
    }

    /** The three-digit NANP area code, or empty outside the North American Numbering Plan. */
    public Optional<String> areaCode() {
        return isNanp() && e164.length() == 12 ? Optional.of(e164.substring(2, 5)) : Optional.empty();
    }

    public boolean isTollFree() {
        return UTIL.getNumberType(proto()) == PhoneNumberUtil.PhoneNumberType.TOLL_FREE;
    }

    /** What libphonenumber says the number is, in words: {@code mobile}, {@code fixed line}, {@code toll free}, … */
    public String kind() {
        return UTIL.getNumberType(proto()).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The digits without the {@code +}, as some providers (Vonage) and path segments write it. */
    public String digits() {
        return e164.substring(1);
    }

    private Phonenumber.PhoneNumber proto() {
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            throw new IllegalStateException("a constructed PhoneNumber always parses", e);
        }
    }

    private static DomainException invalid(String raw) {
        String shown = raw == null ? "null" : raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return new DomainException(ErrorCode.NUMBER_INVALID, "'" + shown + "' is not a valid phone number");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && e164.equals(other.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public String toString() {
        return e164;
    }
}
