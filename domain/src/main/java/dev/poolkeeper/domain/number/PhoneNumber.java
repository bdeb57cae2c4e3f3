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
 * type (spaces, dashes, brackets, bare digits) and normalises it; the canonical constructor accepts
 * E.164 only. Country and, for NANP numbers, area code are derived with libphonenumber.
 */
public record PhoneNumber(String e164) implements Comparable<PhoneNumber> {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9][0-9 ().\\-]{5,30}");
    private static final int NANP_COUNTRY_CODE = 1;

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /**
     * Normalises and validates. Input without a leading {@code +} is read as digits in international
     * format (country code first), as in a URL path segment.
     *
     * @throws DomainException {@code number.invalid} when the input is not a valid number
     */
    public static PhoneNumber parse(String raw) {
        if (raw == null || !TYPED.matcher(raw.strip()).matches()) {
            throw invalid(raw);
        }
        String digits = raw.strip().replaceAll("[ ().\\-]", "");
        String international = digits.startsWith("+") ? digits : "+" + digits;
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(international, null);
            if (!UTIL.isValidNumber(parsed)) {
                throw invalid(raw);
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw invalid(raw);
        }
    }

    /** ISO 3166 alpha-2 region of the number ({@code US}, {@code CA}, {@code GB}). */
    public String country() {
        String region = UTIL.getRegionCodeForNumber(proto());
        return region == null ? "ZZ" : region;
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
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public String toString() {
        return e164;
    }
}
